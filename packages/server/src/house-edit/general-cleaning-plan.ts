import { localDateOf } from '../domain/index.js';
import { apiError } from '../http/api-error.js';
import type { EditReference } from './edit-reference.js';
import type { FieldChange, GeneralCleaningEdit } from './house-edit.js';

/**
 * The general cleaning as deal fields: «Дата генеральной» (a date field, sent as the
 * plain date, which the portal reads the same in every zone) and, when the edit names
 * them, the items of «Генеральная уборка» (a multiple enumeration, sent as item ids).
 * An empty value is sent as '', which clears the field, as for the schedule's dates.
 */
export function generalCleaningChanges(
  edit: GeneralCleaningEdit,
  reference: EditReference,
): FieldChange[] {
  const { roles } = reference.mapping.fields;
  const dateField = roles.generalCleaningDate;
  if (!dateField) {
    throw unmapped('generalCleaning.date', 'The portal has no general cleaning date field.');
  }
  if (edit.date !== null && localDateOf(edit.date, 'UTC') !== edit.date) {
    throw apiError('validation_failed', `${edit.date} is not a date.`, 'generalCleaning.date');
  }
  const changes: FieldChange[] = [
    {
      part: 'generalCleaning.date',
      field: dateField.field,
      label: dateField.label,
      kind: 'date',
      value: edit.date ?? '',
    },
  ];
  if (edit.items === undefined) return changes;

  const itemsField = roles.generalCleaning;
  if (!itemsField) {
    throw unmapped('generalCleaning.items', 'The portal has no general cleaning type field.');
  }
  const items = checkedItems(edit.items, reference);
  changes.push({
    part: 'generalCleaning.items',
    field: itemsField.field,
    label: itemsField.label,
    kind: 'enums',
    value: items.length === 0 ? '' : items,
  });
  return changes;
}

function checkedItems(items: string[], reference: EditReference): string[] {
  const known = new Set(reference.generalItems.map((item) => String(item.itemId)));
  for (const [index, item] of items.entries()) {
    if (!known.has(item)) {
      throw apiError(
        'validation_failed',
        `The general cleaning list has no item ${item}.`,
        `generalCleaning.items.${index}`,
      );
    }
  }
  return [...new Set(items)].sort((a, b) => Number(a) - Number(b));
}

function unmapped(field: string, message: string) {
  return apiError('house_field_unmapped', message, field);
}
