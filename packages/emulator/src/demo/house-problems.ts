import type { SeededRandom } from './seeded-random.js';

/**
 * About 5 % of the houses miss something, as on the real portal: the address, this
 * month's schedule, the УК; a few have an address without coordinates or a responsible
 * user outside the brigades. Exactly `round(5 %)` houses, spread at random.
 */
export type DemoHouseProblem =
  | 'no_address'
  | 'no_schedule_this_month'
  | 'no_management_company'
  | 'no_coordinates'
  | 'no_brigade';

export const PROBLEM_HOUSE_SHARE = 0.05;

/** Out of every 20 problem houses: 6, 6, 6, 1, 1, the big three taking turns. */
const PROBLEM_CYCLE: readonly DemoHouseProblem[] = [
  ...Array.from({ length: 6 }, () => [
    'no_address' as const,
    'no_schedule_this_month' as const,
    'no_management_company' as const,
  ]).flat(),
  'no_coordinates',
  'no_brigade',
];

/** The problem of each problem house, by house index. */
export function pickProblemHouses(
  houses: number,
  random: SeededRandom,
): Map<number, DemoHouseProblem> {
  const chosen = random.sample(houses, Math.round(houses * PROBLEM_HOUSE_SHARE));
  return new Map(
    chosen.map((house, order) => [
      house,
      PROBLEM_CYCLE[order % PROBLEM_CYCLE.length] as DemoHouseProblem,
    ]),
  );
}
