export type HouseProblem =
  | 'no_address'
  | 'no_coordinates'
  | 'no_schedule_this_month'
  | 'no_management_company'
  | 'no_senior_resident'
  | 'no_brigade'
  | 'no_counts';

export const HOUSE_PROBLEMS: readonly HouseProblem[] = [
  'no_address',
  'no_coordinates',
  'no_schedule_this_month',
  'no_management_company',
  'no_senior_resident',
  'no_brigade',
  'no_counts',
];

/** Russian names for the filters and the data-quality report. */
export const HOUSE_PROBLEM_NAMES: Record<HouseProblem, string> = {
  no_address: 'Нет адреса',
  no_coordinates: 'Нет координат',
  no_schedule_this_month: 'Нет графика на этот месяц',
  no_management_company: 'Не указана УК',
  no_senior_resident: 'Не указан старший дома',
  no_brigade: 'Не определена бригада',
  no_counts: 'Не заполнены квартиры, подъезды или этажи',
};

export interface HouseFacts {
  address: string | null;
  lat: number | null;
  lon: number | null;
  apartments: number | null;
  entrances: number | null;
  floors: number | null;
  managementCompanyId: number | null;
  seniorResidentId: number | null;
  brigadeId: number | null;
}

/**
 * What is missing from a house, in the catalogue's order. A schedule counts for the
 * month when it has at least one cleaning other than the general one; a count of 0 is
 * as missing as no count, since no house has 0 entrances.
 */
export function houseProblems(
  house: HouseFacts,
  cleanings: readonly { month: string; cleaningType: string }[],
  currentMonth: string,
): HouseProblem[] {
  const scheduled = cleanings.some(
    (cleaning) => cleaning.month === currentMonth && cleaning.cleaningType !== 'general',
  );
  const counted = [house.apartments, house.entrances, house.floors].every((count) => !!count);

  const checks: [HouseProblem, boolean][] = [
    ['no_address', !house.address],
    ['no_coordinates', house.lat === null || house.lon === null],
    ['no_schedule_this_month', !scheduled],
    ['no_management_company', !house.managementCompanyId],
    ['no_senior_resident', !house.seniorResidentId],
    ['no_brigade', !house.brigadeId],
    ['no_counts', !counted],
  ];
  return checks.filter(([, missing]) => missing).map(([problem]) => problem);
}
