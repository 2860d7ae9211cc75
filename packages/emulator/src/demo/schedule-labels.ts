import type { ScheduleMonth } from './schedule-months.js';

/**
 * Labels of the schedule fields, with the slips the real admin made. The canonical form
 * is «Дата уборки 1 | Сентябрь 2025»; the slips are fixed per calendar month so every
 * demo portal has the same kinds of noise whatever its seed or date.
 */
export type ScheduleFieldKind = 'date' | 'type';

type LabelSlip = (kind: string, slot: number, name: string, year: number) => string;

const SLIPS: Readonly<Record<string, LabelSlip>> = {
  // «Дата уборки1| Май 2025»: no space after the slot, none before the bar.
  '5/1/date': (kind, slot, name, year) => `${kind}${slot}| ${name} ${year}`,
  // «Тип уборки 1 |Июнь 2025»
  '6/1/type': (kind, slot, name, year) => `${kind} ${slot} |${name} ${year}`,
  '3/2/date': (kind, slot, name, year) => `${kind} ${slot} | ${name}  ${year}`,
  '2/2/type': (kind, slot, name, year) => `${kind} ${slot}| ${name} ${year}`,
  '8/2/type': (kind, slot, name, year) => `${kind} ${slot} | ${name.toLowerCase()} ${year}`,
  '10/1/date': (kind, slot, name, year) => `${kind} ${slot} |${name} ${year} `,
  '11/2/date': (kind, slot, name, year) => `${kind.replace(' ', '  ')} ${slot} | ${name} ${year}`,
};

export function scheduleMonthLabel(
  kind: ScheduleFieldKind,
  slot: 1 | 2,
  month: ScheduleMonth,
): string {
  const word = kind === 'date' ? 'Дата уборки' : 'Тип уборки';
  const slip = SLIPS[`${month.month}/${slot}/${kind}`];
  if (slip) return slip(word, slot, month.name, month.year);
  return `${word} ${slot} | ${month.name} ${month.year}`;
}
