import { CLEANING_TYPE_NAMES } from '../../domain/cleaning-type.js';
import { PERIODICITY_NOT_SET, periodicityByMonth } from '../../domain/periodicity.js';
import { parseJsonArray, parseJsonObject } from '../json-text.js';
import type { HouseProblem } from '../schemas/common-schemas.js';
import type { HouseDetailRows } from './house-detail-query.js';
import type { HouseDetail } from './house-schemas.js';
import { named } from './house-summary-presenter.js';

export function presentHouseDetail(
  rows: HouseDetailRows,
  portalDomain: string | null,
  today: string,
): HouseDetail {
  const { house } = rows;
  const id = String(house.id);
  const next = rows.cleanings.find((cleaning) => cleaning.date >= today);

  return {
    id,
    title: house.title,
    address: house.address,
    lat: house.lat,
    lon: house.lon,
    apartments: house.apartments,
    entrances: house.entrances,
    floors: house.floors,
    area: house.area,
    tariff: house.tariff,
    brigade: named(house.brigadeId, rows.brigade?.name ?? null),
    managementCompany: contactOf(house.managementCompanyId, rows.managementCompany),
    seniorResident: contactOf(house.seniorResidentId, rows.seniorResident),
    periodicity: house.periodicityCurrent ?? PERIODICITY_NOT_SET,
    nextCleaning: next ? { date: next.date, type: next.cleaningType } : null,
    problems: parseJsonArray<HouseProblem>(house.problems),
    contract: house.contract,
    serviceStart: house.serviceStart,
    stage: house.stageId,
    responsible: named(house.responsibleId, rows.responsible?.name ?? null),
    schedule: scheduleOf(rows.cleanings),
    generalCleaning: house.generalCleaningDate
      ? { date: house.generalCleaningDate, typeText: house.generalCleaningText ?? '' }
      : null,
    // The portal's own page for the deal: a plain link, never a webhook or token.
    bitrixUrl: portalDomain ? `https://${portalDomain}/crm/deal/details/${id}/` : null,
    fields: fieldsOf(house.rawFields, rows.fieldLabels),
  };
}

interface ContactRow {
  id: number;
  name: string;
  phones: string;
  emails: string;
}

function contactOf(id: number | null, row: ContactRow | undefined) {
  const reference = named(id, row?.name ?? null);
  if (!reference) return null;
  return {
    ...reference,
    phones: parseJsonArray<string>(row?.phones),
    emails: parseJsonArray<string>(row?.emails),
  };
}

function scheduleOf(cleanings: HouseDetailRows['cleanings']): HouseDetail['schedule'] {
  const periodicity = periodicityByMonth(cleanings);
  const months = [...new Set(cleanings.map((cleaning) => cleaning.month))].sort();

  return months.map((month) => ({
    month,
    periodicity: periodicity.get(month) ?? PERIODICITY_NOT_SET,
    cleanings: cleanings
      .filter((cleaning) => cleaning.month === month)
      .map((cleaning) => ({
        date: cleaning.date,
        type: cleaning.cleaningType,
        typeText: cleaning.typeText ?? CLEANING_TYPE_NAMES[cleaning.cleaningType],
        slot: cleaning.slot,
      })),
  }));
}

/** Every user field of the deal as sent, labelled by the discovered mapping. */
function fieldsOf(
  rawFields: string,
  labels: { fieldName: string; label: string }[],
): HouseDetail['fields'] {
  const labelOf = new Map(labels.map((row) => [row.fieldName, row.label]));
  return Object.entries(parseJsonObject(rawFields))
    .filter(([, value]) => value !== null && value !== '' && !isEmptyList(value))
    .map(([code, value]) => ({ code, label: labelOf.get(code) ?? code, value: textOf(value) }));
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  return JSON.stringify(value);
}
