import type { Kysely } from 'kysely';

import { loadHouseMapping, type StoredHouseMapping } from '../events/index.js';
import type { CleaningTypeCode, Database, House } from '../store/index.js';
import type { BrigadeStaff } from './brigade-responsible.js';

/** A cleaning type a month's type field offers, with the item id that means it. */
export interface TypeItem {
  itemId: number;
  cleaningType: CleaningTypeCode;
}

/** An item of «Генеральная уборка»: one kind of work a general cleaning includes. */
export interface GeneralItem {
  itemId: number;
  name: string;
}

/** What turning an edit into deal fields needs, as the last sync left it in the store. */
export interface EditReference {
  mapping: StoredHouseMapping;
  /** Per type field: its items of a known type, lowest id first. */
  typeItems: Map<string, TypeItem[]>;
  /** The items of the general cleaning's own list, in the portal's order. */
  generalItems: GeneralItem[];
  brigades: Map<number, BrigadeStaff & { name: string }>;
}

/** Null before the first sync: there is no mapping to write through. */
export async function loadEditReference(
  db: Kysely<Database>,
  memberId: string,
): Promise<EditReference | null> {
  const mapping = await loadHouseMapping(db, memberId);
  if (!mapping) return null;

  const generalField = mapping.fields.roles.generalCleaning?.field ?? '';
  const [items, generalItems, brigades, employees] = await Promise.all([
    db
      .selectFrom('enumerations')
      .select(['fieldName', 'itemId', 'cleaningType'])
      .where('memberId', '=', memberId)
      .where('cleaningType', 'in', ['full_wet', 'sweeping', 'first_floor'])
      .orderBy('itemId')
      .execute(),
    db
      .selectFrom('enumerations')
      .select(['itemId', 'value'])
      .where('memberId', '=', memberId)
      .where('fieldName', '=', generalField)
      .orderBy('sort')
      .orderBy('itemId')
      .execute(),
    db
      .selectFrom('brigades')
      .select(['id', 'name', 'headId'])
      .where('memberId', '=', memberId)
      .where('isBrigade', '=', 1)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('employees')
      .select(['id', 'brigadeId'])
      .where('memberId', '=', memberId)
      .where('active', '=', 1)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);

  return {
    mapping,
    typeItems: typeItemsOf(items),
    generalItems: generalItems.map((item) => ({ itemId: Number(item.itemId), name: item.value })),
    brigades: staffOf(brigades, employees),
  };
}

function typeItemsOf(
  items: { fieldName: string; itemId: number; cleaningType: CleaningTypeCode | null }[],
): Map<string, TypeItem[]> {
  const byField = new Map<string, TypeItem[]>();
  for (const item of items) {
    if (item.cleaningType === null) continue;
    const list = byField.get(item.fieldName) ?? [];
    list.push({ itemId: Number(item.itemId), cleaningType: item.cleaningType });
    byField.set(item.fieldName, list);
  }
  return byField;
}

function staffOf(
  brigades: { id: number; name: string; headId: number | null }[],
  employees: { id: number; brigadeId: number | null }[],
): EditReference['brigades'] {
  const staff: EditReference['brigades'] = new Map();
  for (const brigade of brigades) {
    const brigadeId = Number(brigade.id);
    const memberIds = employees
      .filter((employee) => employee.brigadeId !== null && Number(employee.brigadeId) === brigadeId)
      .map((employee) => Number(employee.id));
    const leaderId = brigade.headId === null ? null : Number(brigade.headId);
    staff.set(brigadeId, { brigadeId, name: brigade.name, leaderId, memberIds });
  }
  return staff;
}

/** The house's deal values AudioBot last saw: its user fields and responsible user. */
export function storedDealValues(house: House): Record<string, unknown> {
  const fields = JSON.parse(house.rawFields) as Record<string, unknown>;
  return { ...fields, ASSIGNED_BY_ID: house.responsibleId === null ? '' : house.responsibleId };
}
