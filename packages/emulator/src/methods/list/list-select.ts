import type { ListRowCache } from '../../state/list-row-cache.js';

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

type Projector = (row: object) => Record<string, unknown>;

const projectors = new Map<string, Projector>();
const MAX_PROJECTORS = 200;

/**
 * A compiled projection: one object literal per field list. Rows built by assigning a
 * hundred computed keys fall into V8's dictionary mode, which makes building and
 * JSON-encoding a page of deals several times slower.
 */
function projectorFor(fields: readonly string[]): Projector {
  const signature = fields.join(',');
  let projector = projectors.get(signature);
  if (projector) return projector;

  // Field names are quoted by JSON.stringify, so any name is a safe literal.
  const body = fields.map(
    (field) => `${JSON.stringify(field)}: row[${JSON.stringify(field)}] ?? null`,
  );
  projector = new Function('row', `return { ${body.join(', ')} };`) as Projector;
  if (projectors.size >= MAX_PROJECTORS) projectors.clear();
  projectors.set(signature, projector);
  return projector;
}

/** A row reduced to the chosen fields; a field the row lacks comes back as null. */
export function project(row: object, fields: readonly string[]): Record<string, unknown> {
  return projectorFor(fields)(row);
}

/**
 * The rows of a page reduced to the chosen fields. With `cache`, a row listed before
 * with the same fields comes back as the same frozen object, whose JSON is kept too.
 */
export function projectAll(
  rows: readonly object[],
  fields: readonly string[],
  cache?: ListRowCache,
): Readonly<Record<string, unknown>>[] {
  const projector = projectorFor(fields);
  if (!cache) return rows.map((row) => projector(row));

  const signature = fields.join(',');
  return rows.map((row) => cache.projection(row, signature, projector));
}
