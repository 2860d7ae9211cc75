import type { Caller } from '../auth/caller.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';

export type Params = Record<string, unknown>;

export interface MethodContext {
  portal: EmulatorPortal;
  caller: Caller;
  /** True while running as a command of `batch`. */
  inBatch: boolean;
}

/** What a method answers; the transport wraps it into the envelope with `time`. */
export interface MethodResult {
  result: unknown;
  total?: number;
  next?: number;
}

export interface MethodDefinition {
  /** Lower-case name, e.g. `crm.deal.list`. */
  name: string;
  /** The caller needs one of these scopes; empty: any authorised caller may call. */
  scopes: readonly string[];
  /** Only an application (OAuth) may call it, e.g. `event.bind`. */
  applicationOnly?: boolean;
  handler: (context: MethodContext, params: Params) => MethodResult | Promise<MethodResult>;
}

export function defineMethods(
  scope: string | readonly string[] | null,
  handlers: Record<string, MethodDefinition['handler']>,
  extra: Pick<MethodDefinition, 'applicationOnly'> = {},
): MethodDefinition[] {
  const scopes = scope === null ? [] : typeof scope === 'string' ? [scope] : scope;
  return Object.entries(handlers).map(([name, handler]) => ({ name, scopes, handler, ...extra }));
}
