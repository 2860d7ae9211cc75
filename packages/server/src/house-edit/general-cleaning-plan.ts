import { localDateOf } from '../domain/index.js';
import { apiError } from '../http/api-error.js';
import type { EditReference } from './edit-reference.js';
import type { FieldChange, GeneralCleaningEdit } from './house-edit.js';

const PART = 'generalCleaning';

/**
 * The general cleaning as deal fields: «Дата генеральной» (a date field, sent as the
 * plain date, which the portal reads the same in every zone) and the items of
 * «Генеральная уборка» (a multiple enumeration, sent as item ids). Either may be left
 * out; an edit naming neither is refused. An empty value is sent as '', which clears
 * the field, as for the schedule's dates.
 */
export function generalCleaningChanges(
  edit: GeneralCleaningEdit,
  reference: EditReference,
): FieldChange[] {
  if (edit.date === undefined && edit.items === undefined) {
    throw apiError('validation_failed', 'The general cleaning edit changes nothing.', PART);
  }
  return [
    ...(edit.date === undefined ? [] : [dateChange(edit.date, reference)]),
    ...(edit.items === undefined ? [] : [itemsChange(edit.items, reference)]),
  ];
}

function dateChange(date: string | null, reference: EditReference): FieldChange {
  const mapped = reference.mapping.fields.roles.generalCleaningDate;
  if (!mapped) throw unmapped(`${PART}.date`, 'The portal has no general cleaning date field.');
  if (date !== null && localDateOf(date, 'UTC') !== date) {
    throw apiError('validation_failed', `${date} is not a date.`, `${PART}.date`);
  }
  const { field, label } = mapped;
  return { part: `${PART}.date`, field, label, kind: 'date', value: date ?? '' };
}

function itemsChange(items: string[], reference: EditReference): FieldChange {
  const mapped = reference.mapping.fields.roles.generalCleaning;
  if (!mapped) throw unmapped(`${PART}.items`, 'The portal has no general cleaning list.');
  const value = checkedItems(items, reference);
  const { field, label } = mapped;
  return { part: `${PART}.items`, field, label, kind: 'enums', value: value.length ? value : '' };
}

function checkedItems(items: string[], reference: EditReference): string[] {
  const known = new Set(reference.generalItems.map((item) => String(item.itemId)));
  for (const [index, item] of items.entries()) {
    if (!known.has(item)) {
      throw apiError(
        'validation_failed',
        `The general cleaning list has no item ${item}.`,
        `${PART}.items.${index}`,
      );
    }
  }
  return [...new Set(items)].sort((a, b) => Number(a) - Number(b));
}

function unmapped(field: string, message: string) {
  return apiError('house_field_unmapped', message, field);
}
