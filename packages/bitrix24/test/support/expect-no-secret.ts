import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { Bitrix24Error } from '../../src/index.js';

/** The secret appears in no form of the error, nor in the log. */
export function expectNoSecret(error: Bitrix24Error, logText: string, secret: string): void {
  expect(String(error)).not.toContain(secret);
  expect(error.message).not.toContain(secret);
  expect(JSON.stringify(error)).not.toContain(secret);
  expect(error.stack ?? '').not.toContain(secret);
  expect(inspect(error, { depth: 5 })).not.toContain(secret);
  expect(logText).not.toContain(secret);
}
