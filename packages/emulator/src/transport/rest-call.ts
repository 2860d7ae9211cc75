import { resolveCaller } from '../auth/resolve-caller.js';
import { RestError, restErrors } from '../errors/rest-error.js';
import { type IncomingCall, mergedParams } from '../http/incoming-request.js';
import { runMethod } from '../methods/method-runner.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { envelope, timeBlock } from './envelope.js';
import type { RestTarget } from './rest-path.js';

export interface RestAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One REST call, in the order a portal checks it: portal alive, request rate,
 * credentials, method, scope, time budget; then the method and the envelope.
 */
export async function answerRestCall(
  portal: EmulatorPortal,
  target: RestTarget,
  call: IncomingCall,
): Promise<RestAnswer> {
  const startMs = portal.clock.nowMs();
  const startedAt = performance.now();
  const params = mergedParams(call);

  try {
    if (portal.state.deleted) throw restErrors.portalDeleted();
    if (!portal.bucket.take()) throw restErrors.queryLimitExceeded();

    const caller = resolveCaller(portal, target, params, call.headers);
    const run = await runMethod(portal, caller, target.method, withoutAuth(params), false);

    const finishMs = startMs + (performance.now() - startedAt);
    const time = timeBlock({
      startMs,
      finishMs,
      processing: run.processing,
      operating: run.operating.operating,
      resetAt: run.operating.resetAt,
      timeZone: portal.state.portal.timeZone,
    });
    return { status: 200, body: envelope(run.answer, time) };
  } catch (error) {
    return errorAnswer(portal, target.method, error);
  }
}

function withoutAuth(params: Record<string, unknown>): Record<string, unknown> {
  const { auth: _auth, access_token: _token, ...rest } = params;
  return rest;
}

export function errorAnswer(portal: EmulatorPortal, method: string, error: unknown): RestAnswer {
  if (error instanceof RestError) return { status: error.status, body: error.toBody() };

  portal.logger.log('error', 'rest', 'method failed unexpectedly', {
    method,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  const internal = restErrors.internal();
  return { status: internal.status, body: internal.toBody() };
}
