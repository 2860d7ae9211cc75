import { restErrors } from '../errors/rest-error.js';
import type { Params } from './method-definition.js';

/**
 * Readers for method parameters. Query and form bodies deliver strings, JSON bodies
 * deliver numbers and booleans: the methods accept both, like PHP does.
 */
export function record(value: unknown): Params {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {};
}

/** Reads a parameter by name, case-insensitively (`ID`, `id`, `Id`). */
export function param(params: Params, name: string): unknown {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function positiveId(value: unknown): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function requiredId(params: Params, name = 'id'): number {
  const id = positiveId(param(params, name));
  if (id === null) throw restErrors.crm('ID is not defined or invalid.');
  return id;
}

const truthy = new Set<unknown>([true, 1, '1', 'Y', 'y', 'true']);

/** A yes/no parameter as a portal reads it: `true`, `1`, `'1'`, `'Y'`, `'true'`. */
export function flag(value: unknown): boolean {
  return truthy.has(value);
}

export function text(value: unknown, fallback = ''): string {
  if (value === null || value === undefined) return fallback;
  return String(value);
}
