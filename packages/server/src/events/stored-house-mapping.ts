import type { Kysely } from 'kysely';

import {
  type Enumerations,
  FIELD_ROLES,
  type FieldMapping,
  type FieldRole,
  type MappedField,
  type ScheduleSlot,
} from '../domain/index.js';
import type { Database, FieldMappingRow } from '../store/index.js';

/** What mapping one deal needs, as the last sync left it in the store. */
export interface StoredHouseMapping {
  pipelineId: number;
  fields: FieldMapping;
  enumerations: Enumerations;
  brigadeOfUser: Map<number, number | null>;
}

/**
 * Rebuilds the field mapping, enumeration texts and brigades of the last sync from the
 * store, so that an event maps its one deal exactly as the sync maps every deal,
 * without fetching the reference lists again. Null before the first sync: the event
 * is then left to that sync.
 */
export async function loadHouseMapping(
  db: Kysely<Database>,
  memberId: string,
): Promise<StoredHouseMapping | null> {
  const report = await db
    .selectFrom('fieldMappingReports')
    .select('pipelineId')
    .where('memberId', '=', memberId)
    .executeTakeFirst();
  if (report?.pipelineId === null || report?.pipelineId === undefined) return null;

  const [rows, items, employees] = await Promise.all([
    db.selectFrom('fieldMappings').selectAll().where('memberId', '=', memberId).execute(),
    db.selectFrom('enumerations').selectAll().where('memberId', '=', memberId).execute(),
    db
      .selectFrom('employees')
      .select(['id', 'brigadeId'])
      .where('memberId', '=', memberId)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);

  return {
    pipelineId: Number(report.pipelineId),
    fields: fieldMappingOf(rows),
    enumerations: enumerationsOf(items),
    brigadeOfUser: new Map(
      employees.map((row) => [
        Number(row.id),
        row.brigadeId === null ? null : Number(row.brigadeId),
      ]),
    ),
  };
}

function fieldMappingOf(rows: FieldMappingRow[]): FieldMapping {
  const roles: FieldMapping['roles'] = {};
  const slots = new Map<string, ScheduleSlot>();

  for (const row of rows) {
    const field: MappedField = {
      field: row.fieldName,
      label: row.label,
      source: row.source === 'override' ? 'override' : 'label',
    };
    if (row.role === 'scheduleDate' || row.role === 'scheduleType') {
      const slot = slotOf(slots, row);
      if (row.role === 'scheduleDate') slot.date = field;
      else slot.type = field;
    } else if ((FIELD_ROLES as readonly string[]).includes(row.role)) {
      roles[row.role as FieldRole] = field;
    }
  }

  const schedule = [...slots.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.slot - b.slot,
  );
  const missing = FIELD_ROLES.filter((role) => !roles[role]);
  return { roles, schedule, unplaced: [], missing };
}

function slotOf(slots: Map<string, ScheduleSlot>, row: FieldMappingRow): ScheduleSlot {
  const key = `${row.month}|${row.slot}`;
  let slot = slots.get(key);
  if (!slot) {
    slot = { month: row.month ?? '', slot: Number(row.slot ?? 0), date: null, type: null };
    slots.set(key, slot);
  }
  return slot;
}

function enumerationsOf(items: { fieldName: string; itemId: number; value: string }[]) {
  const enumerations: Enumerations = {};
  for (const item of items) {
    enumerations[item.fieldName] ??= {};
    (enumerations[item.fieldName] as Record<string, string>)[String(item.itemId)] = item.value;
  }
  return enumerations;
}
