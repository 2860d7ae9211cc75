import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/index.js';
import { smallPortal } from '../fixtures/small-portal.js';

/**
 * Starts one emulator on a free port for a test file and resets it before each test,
 * so tests stay independent without paying for a new server each time.
 */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | null = null;

  beforeAll(async () => {
    running = await startEmulator({ snapshot: smallPortal(), ...options });
  });
  beforeEach(() => running?.portal.reset());
  afterAll(async () => running?.stop());

  return () => {
    if (!running) throw new Error('emulator not started');
    return running;
  };
}

export interface RestReply {
  status: number;
  body: Record<string, unknown> & {
    result?: unknown;
    total?: number;
    next?: number;
    error?: string;
    error_description?: string;
    time?: Record<string, unknown>;
  };
}

/** POSTs a JSON body to a REST method and reads the JSON answer. */
export async function callRest(
  base: string,
  method: string,
  params: object = {},
): Promise<RestReply> {
  const response = await fetch(`${base}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as RestReply['body'] };
}

export async function getRest(url: string): Promise<RestReply> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as RestReply['body'] };
}

export async function control(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.controlUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
