import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { CrmEntity } from './crm-entity.js';

/**
 * A CRM row as the universal `crm.item.*` methods see it: camelCase names (`STAGE_ID` is
 * `stageId`, `DATE_MODIFY` is `updatedTime`), ids and amounts as numbers, user fields as
 * `ufCrm_1669561599956` unless `useOriginalUfNames` is `Y`
 * (docs: api-reference/crm/universal/crm-item-update.md, crm-item-get.md, object-fields.md).
 */
const renamed: Record<string, string> = {
  ID: 'id',
  DATE_CREATE: 'createdTime',
  DATE_MODIFY: 'updatedTime',
  CREATED_BY_ID: 'createdBy',
  MODIFY_BY_ID: 'updatedBy',
  MOVED_BY_ID: 'movedBy',
};

const numericTypes = new Set([
  'integer',
  'double',
  'user',
  'crm_company',
  'crm_contact',
  'crm_category',
  'crm_quote',
  'crm_lead',
]);

function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

/** `UF_CRM_1669561599956` → `ufCrm_1669561599956`; `UF_CRM_2_16…` → `ufCrm2_16…`. */
function userFieldItemName(name: string): string {
  return `ufCrm${name.slice('UF_CRM'.length)}`.replace(/^ufCrm_(\d+)_/, 'ufCrm$1_');
}

export interface ItemShape {
  /** Row field name → item field name. */
  names: Map<string, string>;
  /** Row fields whose values the item answers as numbers. */
  numeric: Set<string>;
}

export function itemShape(
  entity: CrmEntity,
  portal: EmulatorPortal,
  originalUfNames: boolean,
): ItemShape {
  const names = new Map<string, string>();
  const numeric = new Set<string>();
  for (const [name, description] of Object.entries(entity.fields)) {
    names.set(name, renamed[name] ?? camelCase(name));
    if (numericTypes.has(description.type)) numeric.add(name);
  }

  const userFields = entity.name === 'deal' ? portal.state.dealUserFields : [];
  for (const code of entity.userFieldCodes(portal)) {
    names.set(code, originalUfNames ? code : userFieldItemName(code));
  }
  for (const userField of userFields) {
    if (['double', 'integer', 'enumeration'].includes(userField.USER_TYPE_ID)) {
      numeric.add(userField.FIELD_NAME);
    }
  }
  return { names, numeric };
}

function asNumber(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asNumber);
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

export function itemOf(row: Record<string, unknown>, shape: ItemShape): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [name, itemName] of shape.names) {
    const value = row[name] ?? null;
    item[itemName] = shape.numeric.has(name) ? asNumber(value) : value;
  }
  return item;
}

/** Item fields sent by a caller, renamed to row fields; unknown names are dropped. */
export function rowFieldsOf(
  fields: Record<string, unknown>,
  shape: ItemShape,
): Record<string, unknown> {
  const byItemName = new Map([...shape.names].map(([name, itemName]) => [itemName, name]));
  const rowFields: Record<string, unknown> = {};
  for (const [itemName, value] of Object.entries(fields)) {
    const name = byItemName.get(itemName);
    if (name) rowFields[name] = value;
  }
  return rowFields;
}
