import type { CleaningType } from './cleaning-type.js';

export const PERIODICITY_NOT_SET = 'не указана';
export const PERIODICITY_INDIVIDUAL = 'индивидуальная';

/**
 * The periodicity label of one house for one month, from that month's cleanings
 * (the general cleaning does not count: it is a separate yearly visit).
 *
 * With W full wet cleanings, S sweepings and F first-floor cleanings:
 * - no cleaning at all                  → «не указана»;
 * - only full wet (W > 0)               → «W раз(а)», e.g. «4 раза»;
 * - W > 0 and S > 0, no first floors    → «W раз(а) + S подметани(е/я/й)», e.g.
 *                                          «2 раза + 2 подметания»;
 * - W > 0 and F > 0, no sweepings       → «W раз(а) + F перв(ый/ых) этаж(а/ей)», e.g.
 *                                          «2 раза + 2 первых этажа»;
 * - anything else (sweepings and first floors together, no full wet cleaning, or a
 *   cleaning whose type is unknown)     → «индивидуальная».
 */
export function periodicityLabel(cleanings: readonly { cleaningType: CleaningType }[]): string {
  const count = (type: CleaningType) =>
    cleanings.filter((cleaning) => cleaning.cleaningType === type).length;
  const wet = count('full_wet');
  const sweeping = count('sweeping');
  const firstFloor = count('first_floor');
  const unknown = count('unknown');

  if (wet + sweeping + firstFloor + unknown === 0) return PERIODICITY_NOT_SET;
  if (unknown > 0 || wet === 0 || (sweeping > 0 && firstFloor > 0)) return PERIODICITY_INDIVIDUAL;

  const times = `${wet} ${plural(wet, 'раз', 'раза', 'раз')}`;
  if (sweeping > 0) {
    return `${times} + ${sweeping} ${plural(sweeping, 'подметание', 'подметания', 'подметаний')}`;
  }
  if (firstFloor > 0) {
    const floors = plural(firstFloor, 'первый этаж', 'первых этажа', 'первых этажей');
    return `${times} + ${firstFloor} ${floors}`;
  }
  return times;
}

/** Labels of every month the cleanings cover: `YYYY-MM` → label. */
export function periodicityByMonth(
  cleanings: readonly { month: string; cleaningType: CleaningType }[],
): Map<string, string> {
  const months = new Map<string, { cleaningType: CleaningType }[]>();
  for (const cleaning of cleanings) {
    const list = months.get(cleaning.month) ?? [];
    list.push(cleaning);
    months.set(cleaning.month, list);
  }
  return new Map([...months].map(([month, list]) => [month, periodicityLabel(list)]));
}

/** Russian plural: 1 раз, 2–4 раза, 5–20 раз, 21 раз, 22 раза … */
export function plural(count: number, one: string, few: string, many: string): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (last === 1 && lastTwo !== 11) return one;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return few;
  return many;
}
