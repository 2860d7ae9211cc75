import type { SeededRandom } from './seeded-random.js';

/**
 * The building of a house: floors, entrances, apartments and living area. The mix of
 * Kaluga's housing stock (old two-to-four-storey houses, five-storey blocks, nine-storey
 * and newer high-rises) is tuned so that 490 houses hold about 30 000 apartments in
 * about 1 600 entrances, as the reference customer's do.
 */
export interface HouseBuilding {
  floors: number;
  entrances: number;
  apartments: number;
  /** Living area in m². */
  area: number;
}

interface BuildingKind {
  floors: number;
  weight: number;
  entrances: readonly [number, number];
  apartmentsPerFloor: readonly [number, number];
}

const BUILDING_KINDS: readonly BuildingKind[] = [
  { floors: 2, weight: 7, entrances: [1, 3], apartmentsPerFloor: [2, 3] },
  { floors: 3, weight: 9, entrances: [2, 4], apartmentsPerFloor: [2, 3] },
  { floors: 4, weight: 10, entrances: [2, 5], apartmentsPerFloor: [2, 4] },
  { floors: 5, weight: 46, entrances: [2, 6], apartmentsPerFloor: [3, 4] },
  { floors: 9, weight: 13, entrances: [1, 4], apartmentsPerFloor: [3, 4] },
  { floors: 10, weight: 4, entrances: [1, 3], apartmentsPerFloor: [4, 4] },
  { floors: 12, weight: 3, entrances: [1, 2], apartmentsPerFloor: [4, 4] },
  { floors: 14, weight: 3, entrances: [1, 2], apartmentsPerFloor: [4, 5] },
  { floors: 16, weight: 2, entrances: [1, 2], apartmentsPerFloor: [4, 5] },
  { floors: 17, weight: 2, entrances: [1, 1], apartmentsPerFloor: [4, 6] },
];

const KIND_WEIGHTS = BUILDING_KINDS.map((kind) => [kind, kind.weight] as const);

export function randomBuilding(random: SeededRandom): HouseBuilding {
  const kind = random.weighted(KIND_WEIGHTS);
  const entrances = random.int(...kind.entrances);
  const perFloor = random.int(...kind.apartmentsPerFloor);

  // Shops and offices take part of the ground floor in some houses.
  const groundFloorLoss = random.chance(0.3) ? random.int(1, perFloor) * entrances : 0;
  const apartments = Math.max(2, entrances * kind.floors * perFloor - groundFloorLoss);
  const area = apartments * (40 + random.next() * 20);
  return { floors: kind.floors, entrances, apartments, area: Math.round(area * 10) / 10 };
}
