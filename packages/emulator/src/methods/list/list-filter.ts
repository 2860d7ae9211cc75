import { compareValues, isEmptyValue, valuesEqual } from './list-values.js';

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

export interface CompiledFilter {
  matches(row: object): boolean;
  idRange: IdRange;
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

function equalsTest(expected: unknown): (single: unknown) => boolean {
  if (Array.isArray(expected)) return (single) => expected.some((one) => valuesEqual(single, one));
  return (single) => valuesEqual(single, expected);
}

function compileCondition(condition: Condition): (rowValue: unknown) => boolean {
  const { operator, value } = condition;
  switch (operator) {
    case '>':
      return (rowValue) =>
        anyOf(rowValue, (one) => !isEmptyValue(one) && compareValues(one, value) > 0);
    case '>=':
      return (rowValue) =>
        anyOf(rowValue, (one) => !isEmptyValue(one) && compareValues(one, value) >= 0);
    case '<':
      return (rowValue) =>
        anyOf(rowValue, (one) => !isEmptyValue(one) && compareValues(one, value) < 0);
    case '<=':
      return (rowValue) =>
        anyOf(rowValue, (one) => !isEmptyValue(one) && compareValues(one, value) <= 0);
    case '@':
      return (rowValue) => anyOf(rowValue, equalsTest(asList(value)));
    case '!@':
      return (rowValue) => !anyOf(rowValue, equalsTest(asList(value)));
    case '%':
      return (rowValue) => anyOf(rowValue, likeTest(value));
    case '!%':
      return (rowValue) => !anyOf(rowValue, likeTest(value));
    case '!':
    case '!=':
      return (rowValue) => !anyOf(rowValue, equalsTest(value));
    default:
      return (rowValue) => anyOf(rowValue, equalsTest(value));
  }
}

function narrowIdRange(range: IdRange, condition: Condition): void {
  if (condition.field !== 'ID' || Array.isArray(condition.value)) return;

  const id = Number(condition.value);
  if (!Number.isFinite(id)) return;

  const { operator } = condition;
  if (operator === '>') range.min = Math.max(range.min, Math.floor(id) + 1);
  if (operator === '>=') range.min = Math.max(range.min, Math.ceil(id));
  if (operator === '<') range.max = Math.min(range.max, Math.ceil(id) - 1);
  if (operator === '<=') range.max = Math.min(range.max, Math.floor(id));
  if (operator === '' || operator === '=') {
    range.min = Math.max(range.min, id);
    range.max = Math.min(range.max, id);
  }
}

export function compileFilter(filter: unknown, read: FieldReader): CompiledFilter {
  const idRange: IdRange = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  const tests: Array<(row: object) => boolean> = [];

  const entries = filter && typeof filter === 'object' ? Object.entries(filter) : [];
  for (const [key, value] of entries) {
    const condition = parseCondition(key, value);
    const test = compileCondition(condition);
    tests.push((row) => test(read(row, condition.field)));
    narrowIdRange(idRange, condition);
  }

  return { matches: (row) => tests.every((test) => test(row)), idRange };
}
