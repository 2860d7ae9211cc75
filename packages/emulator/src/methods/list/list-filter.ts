import { compareWith, equalsExpected, expectation, isEmptyValue } from './list-values.js';

/**
 * The `filter` parameter of list methods: `{">=DATE_CREATE": "...", "@ID": [1, 2],
 * "%TITLE": "Калуга", "!STAGE_ID": "C34:LOSE", CATEGORY_ID: 34}`.
 * Docs: api-reference/crm/deals/crm-deal-list.md (filter), data-types.md.
 */
export type FieldReader = (row: object, field: string) => unknown;

type Operator = '>=' | '>' | '<=' | '<' | '!@' | '@' | '!%' | '%' | '!=' | '=' | '!' | '';

interface Condition {
  field: string;
  operator: Operator;
  value: unknown;
}

/** Inclusive id bounds a filter implies; lets a list start by binary search. */
export interface IdRange {
  min: number;
  max: number;
}

/** A plain equality (`CATEGORY_ID: 34`) an equality index can answer. */
export interface IndexableEquality {
  field: string;
  key: string;
}

export interface CompiledFilter {
  matches(row: object): boolean;
  idRange: IdRange;
  /** The ids an `@ID` list names, ascending, or null: a list reads only these. */
  idSet: number[] | null;
  /** Every condition is an id bound or the `@ID` list: no row needs reading. */
  onlyIdRange: boolean;
  equality: IndexableEquality | null;
  /** Every condition is an id bound or `equality`: its index bucket alone decides. */
  onlyEquality: boolean;
}

const keyPattern = /^(>=|<=|!@|!%|!=|>|<|@|%|=|!)?(.+)$/;

function parseCondition(key: string, value: unknown): Condition {
  const [, operator = '', field = key] = keyPattern.exec(key) ?? [];
  return { field: field.toUpperCase(), operator: operator as Operator, value };
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return Object.values(value);
  if (typeof value === 'string' && value.includes(',')) return value.split(',');
  return [value];
}

function anyOf(rowValue: unknown, test: (single: unknown) => boolean): boolean {
  if (Array.isArray(rowValue)) return rowValue.length === 0 ? test(null) : rowValue.some(test);
  return test(rowValue);
}

function likeTest(pattern: unknown): (single: unknown) => boolean {
  const needle = String(pattern ?? '')
    .replaceAll('%', '')
    .toLowerCase();
  return (single) => !isEmptyValue(single) && String(single).toLowerCase().includes(needle);
}

function equalsTest(value: unknown): (single: unknown) => boolean {
  const expected = (Array.isArray(value) ? value : [value]).map(expectation);
  if (expected.length === 1) {
    const only = expected[0] as (typeof expected)[0];
    return (single) => equalsExpected(single, only);
  }
  return (single) => expected.some((one) => equalsExpected(single, one));
}

function rangeTest(value: unknown, accepts: (difference: number) => boolean) {
  const expected = expectation(value);
  return (single: unknown) => !isEmptyValue(single) && accepts(compareWith(single, expected));
}

function compileCondition(condition: Condition): (rowValue: unknown) => boolean {
  const { operator, value } = condition;
  let test: (single: unknown) => boolean;
  switch (operator) {
    case '>':
      test = rangeTest(value, (difference) => difference > 0);
      break;
    case '>=':
      test = rangeTest(value, (difference) => difference >= 0);
      break;
    case '<':
      test = rangeTest(value, (difference) => difference < 0);
      break;
    case '<=':
      test = rangeTest(value, (difference) => difference <= 0);
      break;
    case '@':
    case '!@':
      test = equalsTest(asList(value));
      break;
    case '%':
    case '!%':
      test = likeTest(value);
      break;
    default:
      test = equalsTest(value);
  }

  const negated = operator === '!' || operator === '!=' || operator === '!@' || operator === '!%';
  return negated ? (rowValue) => !anyOf(rowValue, test) : (rowValue) => anyOf(rowValue, test);
}

const canonicalNumber = /^(0|-?[1-9]\d*)$/;
const datePrefix = /^\d{4}-\d{2}-\d{2}/;

/** An equality whose text form is the only form a matching row can hold. */
function indexableEquality(condition: Condition): IndexableEquality | null {
  const { field, operator, value } = condition;
  if (field === 'ID' || (operator !== '' && operator !== '=')) return null;

  if (typeof value === 'number' && Number.isInteger(value)) return { field, key: String(value) };
  if (typeof value !== 'string' || value === '' || datePrefix.test(value)) return null;
  if (/^-?[\d.]+$/.test(value) && !canonicalNumber.test(value)) return null;
  return { field, key: value };
}

/** Narrows the range by an id bound; false when the condition is not one. */
function narrowIdRange(range: IdRange, condition: Condition): boolean {
  if (condition.field !== 'ID' || Array.isArray(condition.value)) return false;

  const id = Number(condition.value);
  if (!Number.isInteger(id) || condition.value === '' || condition.value === null) return false;

  const { operator } = condition;
  if (operator === '>') range.min = Math.max(range.min, Math.floor(id) + 1);
  if (operator === '>=') range.min = Math.max(range.min, Math.ceil(id));
  if (operator === '<') range.max = Math.min(range.max, Math.ceil(id) - 1);
  if (operator === '<=') range.max = Math.min(range.max, Math.floor(id));
  if (operator === '' || operator === '=') {
    range.min = Math.max(range.min, id);
    range.max = Math.min(range.max, id);
  }
  return ['>', '>=', '<', '<=', '', '='].includes(operator);
}

/**
 * The ids of an `@ID` condition, ascending and once each; null when it is another
 * condition or names anything but whole ids (then rows are tested as for any field).
 */
function idSetOf(condition: Condition): number[] | null {
  if (condition.field !== 'ID' || condition.operator !== '@') return null;
  const values = asList(condition.value);
  if (values.length === 0) return null;

  const ids = values.map((value) => (value === '' || value === null ? Number.NaN : Number(value)));
  if (!ids.every((id) => Number.isInteger(id))) return null;
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function compileFilter(filter: unknown, read: FieldReader): CompiledFilter {
  const idRange: IdRange = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  const tests: Array<(row: object) => boolean> = [];
  let others = 0;
  let equality: IndexableEquality | null = null;
  let idSet: number[] | null = null;

  const entries = filter && typeof filter === 'object' ? Object.entries(filter) : [];
  for (const [key, value] of entries) {
    const condition = parseCondition(key, value);
    const test = compileCondition(condition);
    tests.push((row) => test(read(row, condition.field)));
    if (narrowIdRange(idRange, condition)) continue;
    if (idSet === null) {
      idSet = idSetOf(condition);
      if (idSet !== null) continue;
    }

    others += 1;
    equality ??= indexableEquality(condition);
  }

  const matches = (row: object) => {
    for (const test of tests) if (!test(row)) return false;
    return true;
  };
  return {
    matches,
    idRange,
    idSet,
    onlyIdRange: others === 0,
    equality,
    onlyEquality: equality !== null && others === 1,
  };
}
