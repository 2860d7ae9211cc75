import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { RestError } from '../errors/rest-error.js';
import type { ErrorFault } from '../faults/fault-settings.js';
import { sendJson, sendText } from '../http/http-answer.js';
import type { IncomingCall } from '../http/incoming-request.js';
import { commandMethods } from '../methods/batch/batch-command.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { answerRestCall, type RestAnswer } from './rest-call.js';
import { parseRestPath } from './rest-path.js';

/**
 * The `/rest/` surface: injected faults first (latency, dropped or hung connections,
 * error answers), then the call itself, then the request log.
 */
const faultCodes: Record<number, string> = {
  401: 'expired_token',
  403: 'ACCESS_DENIED',
  429: 'OPERATION_TIME_LIMIT',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'QUERY_LIMIT_EXCEEDED',
};

function faultAnswer(fault: ErrorFault): RestAnswer {
  const code = fault.error ?? faultCodes[fault.status] ?? 'INTERNAL_SERVER_ERROR';
  return {
    status: fault.status,
    body: new RestError(fault.status, code, 'Injected fault').toBody(),
  };
}

export async function routeRest(
  portal: EmulatorPortal,
  call: IncomingCall,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const target = parseRestPath(call.path);
  if (!target) {
    sendJson(response, 404, {
      error: 'ERROR_METHOD_NOT_FOUND',
      error_description: 'Method not found!',
    });
    return;
  }

  const decision = portal.faults.decide(target.method);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  if (decision.kind === 'timeout') {
    await sleep(decision.holdMs, undefined, { ref: false });
    request.socket.destroy();
    return;
  }

  // Gateways in front of a portal answer 502/504 with a page, not JSON.
  if (decision.kind === 'error' && [502, 504].includes(decision.fault.status)) {
    sendText(response, decision.fault.status, 'text/html', '<html><body>Bad Gateway</body></html>');
    return;
  }

  const startedAt = performance.now();
  const answer =
    decision.kind === 'error'
      ? faultAnswer(decision.fault)
      : await answerRestCall(portal, target, call);
  const sent = sendJson(response, answer.status, answer.body, (value) =>
    portal.listRows.jsonOf(value),
  );

  // The path may carry a webhook code and the query a token: the logger removes both.
  portal.logger.log(answer.status >= 500 ? 'warn' : 'info', 'rest', 'request', {
    method: target.method,
    status: answer.status,
    error: answer.status >= 400 ? answer.body.error : undefined,
    path: request.url ?? call.path,
    ms: Math.round(performance.now() - startedAt),
  });
  portal.requests.add({
    at: portal.clock.now().toISOString(),
    method: target.method,
    status: answer.status,
    error: answer.status >= 400 ? String(answer.body.error ?? '') : null,
    via: target.kind === 'webhook' ? 'webhook' : 'application',
    batchCommands:
      target.method === 'batch' ? commandMethods({ ...call.query, ...call.body }.cmd) : [],
  });
  // Logged before the last byte leaves: a client that has read the answer finds its call.
  await sent;
}
