/**
 * The `select` parameter of the CRM list methods. `*` means every standard field
 * except the multiple ones (PHONE, EMAIL...), `UF_*` every user field; with no select
 * a list answers the standard fields only. `ID` always comes back.
 * Docs: api-reference/crm/deals/crm-deal-list.md ("select").
 */
export interface SelectableFields {
  /** Standard single-value fields, in the order the portal answers them. */
  standard: readonly string[];
  /** Standard fields only returned when named (multi-fields). */
  multiple: readonly string[];
  userFields: () => readonly string[];
}

function asNames(select: unknown): string[] {
  if (Array.isArray(select)) return select.map((name) => String(name).toUpperCase());
  if (select && typeof select === 'object') {
    return Object.values(select).map((name) => String(name).toUpperCase());
  }
  if (typeof select === 'string' && select !== '') return [select.toUpperCase()];
  return [];
}

export function resolveSelect(select: unknown, fields: SelectableFields): string[] {
  const names = asNames(select);
  if (names.length === 0) return [...fields.standard];

  const userFields = fields.userFields();
  const known = new Set([...fields.standard, ...fields.multiple, ...userFields]);
  const chosen = new Set<string>(['ID']);

  for (const name of names) {
    if (name === '*') for (const field of fields.standard) chosen.add(field);
    else if (name === 'UF_*') for (const field of userFields) chosen.add(field);
    else if (known.has(name)) chosen.add(name);
  }
  return [...chosen];
}

/** A row reduced to the chosen fields; a field the row lacks comes back as null. */
export function project(row: object, fields: readonly string[]): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  const projected: Record<string, unknown> = {};
  for (const field of fields) projected[field] = source[field] ?? null;
  return projected;
}
