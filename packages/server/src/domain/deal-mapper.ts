import type { NewCleaning, NewHouse } from '../store/database-types.js';
import { parseAddress } from './address-parsing.js';
import type { Enumerations } from './enumerations.js';
import type { FieldMapping } from './field-discovery.js';
import type { FieldRole } from './field-role.js';
import { houseProblems } from './house-problems.js';
import { localDateOf, monthOf, todayIn } from './local-date.js';
import { parseCount, parseDecimal, parseId } from './number-parsing.js';
import { periodicityLabel } from './periodicity.js';
import { planFingerprint } from './plan-fingerprint.js';
import { cleaningsOf, generalCleaningText } from './schedule.js';
import { normalizeSearchText } from './search-text.js';
import { parseTariff } from './tariff-parsing.js';

/** A row of `crm.deal.list` / `crm.deal.get`: standard fields plus the UF_CRM_* ones. */
export interface DealRow {
  ID: string | number;
  TITLE?: string | null;
  CATEGORY_ID?: string | number | null;
  STAGE_ID?: string | null;
  COMPANY_ID?: string | number | null;
  CONTACT_ID?: string | number | null;
  ASSIGNED_BY_ID?: string | number | null;
  DATE_MODIFY?: string | null;
  [field: string]: unknown;
}

export interface HouseContext {
  memberId: string;
  /** The company's IANA zone (config.timeZone). */
  timeZone: string;
  enumerations: Enumerations;
  /** The brigade of a responsible user (see resolveBrigades), or null. */
  brigadeOfUser(userId: number): number | null;
  /** Decides "this month" for the periodicity and the problems; default: now. */
  now?: Date;
}

export interface MappedHouse {
  house: NewHouse;
  cleanings: NewCleaning[];
}

/**
 * Maps one deal of the houses pipeline to its store row and its cleanings. Only what the
 * deal says: the management company, senior resident and responsible user stay ids,
 * resolved by the reader. Every user field is kept raw beside the typed columns.
 */
export function toHouse(deal: DealRow, mapping: FieldMapping, context: HouseContext): MappedHouse {
  const now = context.now ?? new Date();
  const value = (role: FieldRole) => {
    const field = mapping.roles[role]?.field;
    return field ? deal[field] : undefined;
  };

  const id = Number(deal.ID);
  const planned = cleaningsOf(deal, mapping, context.enumerations, context.timeZone);
  const today = todayIn(context.timeZone, now);
  // Sorted by date, then slot: the first from today is the next day's first slot.
  const next = planned.find((cleaning) => cleaning.date >= today);
  const currentMonth = monthOf(today);
  const facts = houseFacts(deal, value, context);

  const house: NewHouse = {
    memberId: context.memberId,
    id,
    title: (deal.TITLE ?? '').trim(),
    categoryId: Number(deal.CATEGORY_ID ?? 0),
    stageId: deal.STAGE_ID ?? null,
    ...facts,
    area: parseDecimal(value('area')),
    ...tariffColumns(value('tariff')),
    contract: textOf(value('contract')),
    serviceStart: localDateOf(firstOf(value('serviceStart')), context.timeZone),
    responsibleId: parseId(deal.ASSIGNED_BY_ID),
    generalCleaningDate:
      planned.find((cleaning) => cleaning.cleaningType === 'general')?.date ?? null,
    generalCleaningText: generalCleaningText(deal, mapping, context.enumerations),
    nextCleaningDate: next?.date ?? null,
    nextCleaningAsOf: today,
    nextCleaningType: next?.cleaningType ?? null,
    planFingerprint: planFingerprint(planned),
    periodicityCurrent: periodicityLabel(
      planned.filter((cleaning) => cleaning.month === currentMonth),
    ),
    problems: JSON.stringify(houseProblems(facts, planned, currentMonth)),
    rawFields: JSON.stringify(userFieldsOf(deal)),
    searchText: normalizeSearchText(`${facts.address ?? ''} ${deal.TITLE ?? ''}`),
    dealModifiedAt: isoOrNull(deal.DATE_MODIFY),
    syncedAt: now.toISOString(),
    deletedAt: null,
  };

  const cleanings = planned.map((cleaning) => ({
    memberId: context.memberId,
    houseId: id,
    ...cleaning,
  }));
  return { house, cleanings };
}

function houseFacts(deal: DealRow, value: (role: FieldRole) => unknown, context: HouseContext) {
  const address = parseAddress(value('address'));
  const responsibleId = parseId(deal.ASSIGNED_BY_ID);

  return {
    address: address.text,
    lat: address.lat,
    lon: address.lon,
    apartments: parseCount(firstOf(value('apartments'))),
    entrances: parseCount(firstOf(value('entrances'))),
    floors: parseCount(firstOf(value('floors'))),
    managementCompanyId: parseId(deal.COMPANY_ID),
    seniorResidentId: parseId(deal.CONTACT_ID),
    brigadeId: responsibleId === null ? null : context.brigadeOfUser(responsibleId),
  };
}

function tariffColumns(value: unknown) {
  const tariff = textOf(value);
  const parsed = parseTariff(tariff);
  return { tariff, tariffCount: parsed.count, tariffPrice: parsed.price };
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function textOf(value: unknown): string | null {
  const first = firstOf(value);
  if (typeof first === 'number') return String(first);
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

function userFieldsOf(deal: DealRow): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key in deal) {
    if (key.startsWith('UF_CRM_')) fields[key] = deal[key];
  }
  return fields;
}
