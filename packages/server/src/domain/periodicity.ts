import type { CleaningType } from './cleaning-type.js';

export const PERIODICITY_NOT_SET = 'не указана';
export const PERIODICITY_INDIVIDUAL = 'индивидуальная';

/** Each known type's words, in the order a label names them. */
const PARTS: readonly [CleaningType, [string, string, string]][] = [
  ['full_wet', ['раз', 'раза', 'раз']],
  ['sweeping', ['подметание', 'подметания', 'подметаний']],
  ['first_floor', ['первый этаж', 'первых этажа', 'первых этажей']],
];

/**
 * The periodicity label of one house for one month, from that month's cleanings
 * (the general cleaning does not count: it is a separate, rarer visit).
 *
 * - no cleaning at all → «не указана»;
 * - a cleaning whose type is unknown → «индивидуальная»: the schedule cannot be told
 *   in the office's words, so the reader must open it;
 * - otherwise the counts of full wet cleanings («раз»), sweepings and first-floor
 *   cleanings, each with its Russian plural, joined by « + » in that order, leaving out
 *   the types that do not occur: «4 раза», «2 раза + 2 подметания»,
 *   «2 раза + 2 первых этажа», «2 подметания + 2 первых этажа».
 */
export function periodicityLabel(cleanings: readonly { cleaningType: CleaningType }[]): string {
  const count = (type: CleaningType) =>
    cleanings.filter((cleaning) => cleaning.cleaningType === type).length;

  if (count('unknown') > 0) return PERIODICITY_INDIVIDUAL;
  const parts = PARTS.map(([type, words]) => [count(type), words] as const)
    .filter(([times]) => times > 0)
    .map(([times, [one, few, many]]) => `${times} ${plural(times, one, few, many)}`);
  return parts.length > 0 ? parts.join(' + ') : PERIODICITY_NOT_SET;
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
