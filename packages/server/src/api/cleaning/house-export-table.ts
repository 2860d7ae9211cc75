import { CLEANING_TYPE_NAMES } from '../../domain/cleaning-type.js';
import { HOUSE_PROBLEM_NAMES } from '../../domain/house-problems.js';
import type { HouseSummary } from './house-schemas.js';

/** The columns of the houses export, in Russian, as the office reads it in Excel. */
export const EXPORT_COLUMNS: ReadonlyArray<
  readonly [string, (house: HouseSummary) => string | number | null]
> = [
  ['ID', (house) => house.id],
  ['Адрес', (house) => house.address],
  ['Название', (house) => house.title],
  ['Бригада', (house) => house.brigade?.name ?? null],
  ['УК', (house) => house.managementCompany?.name ?? null],
  ['Старший дома', (house) => house.seniorResident?.name ?? null],
  ['Телефон старшего', (house) => house.seniorResident?.phone ?? null],
  ['Квартир', (house) => house.apartments],
  ['Подъездов', (house) => house.entrances],
  ['Этажей', (house) => house.floors],
  ['Площадь, м²', (house) => house.area],
  ['Тариф', (house) => house.tariff],
  ['Периодичность', (house) => house.periodicity],
  ['Ближайшая уборка', (house) => house.nextCleaning?.date ?? null],
  [
    'Тип ближайшей уборки',
    (house) => (house.nextCleaning ? CLEANING_TYPE_NAMES[house.nextCleaning.type] : null),
  ],
  ['Проблемы', (house) => house.problems.map((problem) => HOUSE_PROBLEM_NAMES[problem]).join(', ')],
];

export function exportRows(houses: HouseSummary[]): (string | number | null)[][] {
  return houses.map((house) => EXPORT_COLUMNS.map(([, value]) => value(house)));
}
