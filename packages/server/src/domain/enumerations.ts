import type { UserFieldRow } from './field-label.js';

/** Enumeration texts: field code → item id → text, from `crm.deal.userfield.list`. */
export type Enumerations = Record<string, Record<string, string>>;

export function enumerationsOf(rows: readonly UserFieldRow[]): Enumerations {
  const enumerations: Enumerations = {};
  for (const row of rows) {
    if (!row.LIST?.length) continue;
    enumerations[row.FIELD_NAME] = Object.fromEntries(
      row.LIST.map((item) => [String(item.ID), item.VALUE]),
    );
  }
  return enumerations;
}

/**
 * The text of an enumeration value. A value that is not a known id is taken as the
 * text itself: some integrations write the text, and showing it beats losing it.
 */
export function enumerationText(
  enumerations: Enumerations,
  field: string,
  value: unknown,
): { id: number | null; text: string | null } {
  const raw = Array.isArray(value) ? value.find((item) => item !== '' && item !== false) : value;
  if (raw === undefined || raw === null || raw === false || raw === '') {
    return { id: null, text: null };
  }

  const key = String(raw).trim();
  const text = enumerations[field]?.[key];
  if (text !== undefined) return { id: Number(key), text };
  return /^\d+$/.test(key) ? { id: Number(key), text: null } : { id: null, text: key };
}
