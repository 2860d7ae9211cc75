import type { MappedField } from '../domain/index.js';
import { apiError } from '../http/api-error.js';
import type { House } from '../store/index.js';
import { responsibleForBrigade } from './brigade-responsible.js';
import type { EditReference } from './edit-reference.js';
import type { FieldKind } from './field-values.js';
import { generalCleaningChanges } from './general-cleaning-plan.js';
import {
  COUNT_PARTS,
  type CountPart,
  type FieldChange,
  type HouseEdit,
  type SlotEdit,
} from './house-edit.js';
import { scheduleDateTime } from './portal-datetime.js';

/** The label of ASSIGNED_BY_ID, the one standard field an edit writes. */
export const RESPONSIBLE_LABEL = 'Ответственный';

/**
 * Turns an edit into the deal fields that carry it, through the discovered mapping.
 * Refuses (4xx) what the portal cannot hold: a part without a field, dates outside
 * the month, a date that is not one, a type or item the field's list does not offer,
 * a brigade without anybody in it.
 */
export function planEdit(
  edit: HouseEdit,
  house: House,
  reference: EditReference,
  timeZone: string,
): FieldChange[] {
  const changes = COUNT_PARTS.flatMap((part) =>
    edit[part] === undefined ? [] : [countChange(part, edit[part], reference)],
  );
  if (edit.brigadeId !== undefined) changes.push(brigadeChange(edit.brigadeId, house, reference));
  if (edit.schedule) changes.push(...scheduleChanges(edit.schedule, reference, timeZone));
  if (edit.generalCleaning)
    changes.push(...generalCleaningChanges(edit.generalCleaning, reference));
  if (changes.length === 0) throw apiError('validation_failed', 'The edit changes nothing.');
  return changes;
}

function countChange(part: CountPart, value: number | null, reference: EditReference) {
  const mapped = reference.mapping.fields.roles[part];
  if (!mapped) throw unmapped(part, `The portal has no field for ${part}.`);
  const kind: FieldKind = part === 'area' ? 'decimal' : 'count';
  // The portal keeps these numbers as strings; an empty string clears the field.
  return change(part, mapped, kind, value === null ? '' : String(value));
}

function brigadeChange(brigadeId: number, house: House, reference: EditReference): FieldChange {
  const staff = reference.brigades.get(brigadeId);
  if (!staff) {
    throw apiError('validation_failed', `No brigade with id ${brigadeId}.`, 'brigadeId');
  }
  const responsibleId = responsibleForBrigade(staff, {
    responsibleId: house.responsibleId === null ? null : Number(house.responsibleId),
    brigadeId: house.brigadeId === null ? null : Number(house.brigadeId),
  });
  if (responsibleId === null) {
    throw apiError(
      'validation_failed',
      `Brigade «${staff.name}» has no active employee to make responsible for the house.`,
      'brigadeId',
    );
  }
  return {
    part: 'brigade',
    field: 'ASSIGNED_BY_ID',
    label: RESPONSIBLE_LABEL,
    kind: 'user',
    value: responsibleId,
  };
}

function scheduleChanges(
  schedule: NonNullable<HouseEdit['schedule']>,
  reference: EditReference,
  timeZone: string,
): FieldChange[] {
  const seen = new Set<number>();
  return schedule.slots.flatMap((slotEdit, index) => {
    const where = `schedule.slots.${index}`;
    if (seen.has(slotEdit.slot)) {
      throw apiError('validation_failed', `Slot ${slotEdit.slot} is given twice.`, where);
    }
    seen.add(slotEdit.slot);
    return slotChanges(schedule.month, slotEdit, where, reference, timeZone);
  });
}

function slotChanges(
  month: string,
  edit: SlotEdit,
  where: string,
  reference: EditReference,
  timeZone: string,
): FieldChange[] {
  const slot = reference.mapping.fields.schedule.find(
    (candidate) => candidate.month === month && candidate.slot === edit.slot,
  );
  const part = `schedule.${month}.${edit.slot}`;
  if (!slot?.date)
    throw unmapped(where, `The portal has no date field for slot ${edit.slot} of ${month}.`);

  const dates = checkedDates(edit.dates, month, `${where}.dates`);
  const value = dates.length === 0 ? '' : dates.map((date) => scheduleDateTime(date, timeZone));
  const changes = [change(`${part}.dates`, slot.date, 'dates', value)];

  if (!slot.type) {
    if (edit.cleaningType !== null) {
      throw unmapped(where, `The portal has no type field for slot ${edit.slot} of ${month}.`);
    }
    return changes;
  }
  const itemId = typeItemOf(slot.type.field, edit.cleaningType, reference, `${where}.cleaningType`);
  changes.push(change(`${part}.type`, slot.type, 'enum', itemId === null ? '' : String(itemId)));
  return changes;
}

function checkedDates(dates: string[], month: string, where: string): string[] {
  for (const [index, date] of dates.entries()) {
    if (!isRealDate(date) || !date.startsWith(`${month}-`)) {
      throw apiError(
        'validation_failed',
        `${date} is not a date of ${month}.`,
        `${where}.${index}`,
      );
    }
  }
  return [...new Set(dates)].sort();
}

function isRealDate(date: string): boolean {
  const instant = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === date;
}

function typeItemOf(
  field: string,
  cleaningType: SlotEdit['cleaningType'],
  reference: EditReference,
  where: string,
): number | null {
  if (cleaningType === null) return null;
  const item = reference.typeItems.get(field)?.find((entry) => entry.cleaningType === cleaningType);
  if (!item) {
    throw apiError('validation_failed', `The month's type list has no ${cleaningType}.`, where);
  }
  return item.itemId;
}

function change(part: string, mapped: MappedField, kind: FieldKind, value: unknown): FieldChange {
  return { part, field: mapped.field, label: mapped.label, kind, value };
}

function unmapped(field: string, message: string) {
  return apiError('house_field_unmapped', message, field);
}
