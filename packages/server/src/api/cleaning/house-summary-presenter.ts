import { PERIODICITY_NOT_SET } from '../../domain/periodicity.js';
import { idOrNull, parseJsonArray } from '../json-text.js';
import type { HouseProblem } from '../schemas/common-schemas.js';
import type { HouseSummary } from './house-schemas.js';
import type { HouseSummaryRow } from './house-summary-query.js';
import type { NextCleaning } from './next-cleaning-query.js';

export function presentHouseSummary(
  row: HouseSummaryRow,
  nextCleaning: NextCleaning | undefined,
): HouseSummary {
  return {
    id: String(row.id),
    title: row.title,
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    apartments: row.apartments,
    entrances: row.entrances,
    floors: row.floors,
    area: row.area,
    tariff: row.tariff,
    brigade: named(row.brigadeId, row.brigadeName),
    managementCompany: named(row.managementCompanyId, row.managementCompanyName),
    seniorResident: seniorResidentOf(row),
    periodicity: row.periodicityCurrent ?? PERIODICITY_NOT_SET,
    nextCleaning: nextCleaning ?? null,
    problems: parseJsonArray<HouseProblem>(row.problems),
  };
}

/** A link whose target row is missing (not synced yet) still shows its id, never a guess. */
export function named(id: number | null, name: string | null): { id: string; name: string } | null {
  const text = idOrNull(id);
  if (text === null) return null;
  return { id: text, name: name ?? `#${text}` };
}

function seniorResidentOf(row: HouseSummaryRow): HouseSummary['seniorResident'] {
  const resident = named(row.seniorResidentId, row.seniorResidentName);
  if (!resident) return null;
  const phone = parseJsonArray<string>(row.seniorResidentPhones)[0] ?? null;
  return { ...resident, phone };
}
