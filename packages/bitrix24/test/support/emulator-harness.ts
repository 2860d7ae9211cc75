import { type RunningEmulator, startEmulator } from '@audiobot/emulator';
import {
  type Bitrix24Client,
  type Bitrix24ClientOptions,
  createBitrix24Client,
} from '../../src/index.js';
import { type HousePortalOptions, housePortal } from './house-portal.js';

/** A fast retry budget: real waits, but short, so fault tests finish in seconds. */
export const quickRetry = { baseDelayMs: 5, maxDelayMs: 50, maxTotalDelayMs: 5_000 };

/** An emulator serving the client's own house portal (see house-portal.ts). */
export async function startHousePortal(options: HousePortalOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ snapshot: housePortal(options) });
}

export function webhookClient(
  emulator: RunningEmulator,
  options: Partial<Bitrix24ClientOptions> = {},
  webhookUrl = emulator.webhookUrl,
): Bitrix24Client {
  return createBitrix24Client({
    auth: { type: 'webhook', webhookUrl },
    retry: quickRetry,
    ...options,
  });
}

/** Calls the emulator's control API (`/_emulator/...`). */
export async function control<T = Record<string, unknown>>(
  emulator: RunningEmulator,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${emulator.controlUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${text}`);
  return (text === '' ? {} : JSON.parse(text)) as T;
}

/** REST requests the emulator has answered since the last reset of its request log. */
export async function portalRequestCount(emulator: RunningEmulator): Promise<number> {
  const summary = await control<{ total: number }>(emulator, 'GET', '/requests');
  return summary.total;
}

export const housesFilter = { CATEGORY_ID: 34 };
