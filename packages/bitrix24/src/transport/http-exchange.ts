import { Bitrix24Error } from '../errors/bitrix24-error.js';

export type FetchFunction = typeof fetch;

export interface HttpRequest {
  url: string;
  /** JSON body, or form fields for the OAuth server. */
  body: { json: unknown } | { form: Record<string, string> };
  timeoutMs: number;
  /** Names the call in errors; never the URL, which may hold the webhook code. */
  method: string;
  signal?: AbortSignal;
  userAgent: string;
}

export interface HttpAnswer {
  status: number;
  /** The parsed JSON body, or null when the body was not JSON. */
  body: unknown;
}

/**
 * One HTTP attempt: POST, wait for the whole body within the timeout, parse JSON. A
 * failure to get any answer becomes a `network` or `timeout` error; an answer of any
 * status is returned for the caller to read. Only the caller's own abort is rethrown
 * as is, because that is a decision, not a failure.
 */
export async function exchange(
  fetchImpl: FetchFunction,
  request: HttpRequest,
): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;

  try {
    const response = await fetchImpl(request.url, { method: 'POST', signal, ...encode(request) });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  } catch {
    if (request.signal?.aborted) throw request.signal.reason;
    throw noAnswer(request, timeout.aborted);
  }
}

function encode(request: HttpRequest): { headers: Record<string, string>; body: string } {
  const headers = { Accept: 'application/json', 'User-Agent': request.userAgent };
  if ('json' in request.body) {
    const body = JSON.stringify(request.body.json);
    return { headers: { ...headers, 'Content-Type': 'application/json' }, body };
  }

  const body = new URLSearchParams(request.body.form).toString();
  return { headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function noAnswer(request: HttpRequest, timedOut: boolean): Bitrix24Error {
  // The fetch error itself is left out: its text can carry the URL, and so the webhook code.
  return new Bitrix24Error({
    kind: timedOut ? 'timeout' : 'network',
    code: timedOut ? 'CLIENT_TIMEOUT' : 'CLIENT_NETWORK_ERROR',
    description: timedOut
      ? `no answer within ${request.timeoutMs} ms`
      : 'the connection failed or was closed without an answer',
    status: null,
    method: request.method,
    missingScope: null,
    retryable: true,
  });
}
