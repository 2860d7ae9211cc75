import type { Caller } from '../auth/caller.js';
import { restErrors } from '../errors/rest-error.js';
import type { OperatingState } from '../limits/operating-budget.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { findMethod } from './method-catalogue.js';
import type { MethodResult, Params } from './method-definition.js';

export interface MethodRun {
  answer: MethodResult;
  processing: number;
  operating: OperatingState;
}

/**
 * Runs one method for a caller: the method must exist, the caller must hold its scope
 * and have time budget left; the call's processing time is then charged to the budget.
 */
export async function runMethod(
  portal: EmulatorPortal,
  caller: Caller,
  name: string,
  params: Params,
  inBatch: boolean,
): Promise<MethodRun> {
  const method = findMethod(name);
  if (!method) throw restErrors.methodNotFound();

  if (method.scopes.length > 0 && !method.scopes.some((scope) => caller.scopes.has(scope))) {
    throw restErrors.insufficientScope();
  }
  if (method.applicationOnly && caller.kind !== 'application') {
    throw restErrors.applicationContextRequired();
  }
  if (portal.budget.isBlocked(caller.budgetKey, method.name)) throw restErrors.operationTimeLimit();

  const startedAt = performance.now();
  const answer = await method.handler({ portal, caller, inBatch }, params);
  const realSeconds = (performance.now() - startedAt) / 1000;

  // The outer batch call is not charged: its commands are (docs: limits.md).
  const processing = portal.budget.processingOf(method.name, realSeconds);
  const operating =
    method.name === 'batch'
      ? portal.budget.state(caller.budgetKey, method.name)
      : portal.budget.record(caller.budgetKey, method.name, processing);
  return { answer, processing, operating };
}
