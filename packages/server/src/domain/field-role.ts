/** What a deal user field means to AudioBot, apart from the schedule slots. */
export type FieldRole =
  | 'address'
  | 'apartments'
  | 'entrances'
  | 'floors'
  | 'area'
  | 'tariff'
  | 'contract'
  | 'serviceStart'
  | 'generalCleaning'
  | 'generalCleaningDate';

export const FIELD_ROLES: readonly FieldRole[] = [
  'address',
  'apartments',
  'entrances',
  'floors',
  'area',
  'tariff',
  'contract',
  'serviceStart',
  'generalCleaning',
  'generalCleaningDate',
];

/**
 * How a label names each role, matched against the normalised label (lowercase, ё → е).
 * Checked in this order: the general-cleaning date before the general cleaning, both
 * before anything that mentions «уборк». Seen in the real portal: «Адрес многоквартирного
 * дома | Уборка подъездов», «Количество квартир | …», «Тариф / периодичность | …»,
 * «Общая площадь жилых помещений м2», «Дата начала обслуживания», «№ Договора (…)»,
 * «Генеральная уборка», «Дата генеральной».
 */
export const ROLE_LABELS: readonly [FieldRole, RegExp][] = [
  ['generalCleaningDate', /^дата генеральн/],
  ['generalCleaning', /^генеральн/],
  ['serviceStart', /^дата начала обслуживан/],
  ['address', /^адрес/],
  ['apartments', /^(количество|кол-?во|число) квартир/],
  ['entrances', /^(количество|кол-?во|число) подъезд/],
  ['floors', /^((количество|кол-?во|число) этаж|этажност)/],
  ['area', /площад/],
  ['tariff', /^тариф/],
  ['contract', /договор/],
];

/**
 * «Дата уборки 1 | Сентябрь 2025», «Тип уборки2| …», «Вид уборки №1 …»: the part
 * (дата → date; тип or вид → type) and the slot number.
 */
export const SCHEDULE_LABEL = /^(дата|тип|вид) уборки\s*№?\s*(\d+)(?!\d)/;
