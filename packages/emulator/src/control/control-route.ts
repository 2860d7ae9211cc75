import type { EmulatorPortal } from '../portal/emulator-portal.js';

/** One route of the control API under `/_emulator/`; JSON in and out. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after `/_emulator`, with `:name` parameters. */
  path: string;
  handle: (
    portal: EmulatorPortal,
    body: Record<string, unknown>,
    params: Record<string, string>,
  ) => ControlAnswer | Promise<ControlAnswer>;
}

export const ok = (body: unknown = { ok: true }): ControlAnswer => ({ status: 200, body });

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ControlError(404, 'not_found', `${what} not found`);
export const badRequest = (message: string) => new ControlError(400, 'bad_request', message);
