import { t } from '../i18n/index.js';
import type { ApiErrorBody } from './types.js';

// One fetch wrapper for every call: the session cookie goes along, and any
// failure becomes an ApiError with a stable code and a sentence to show.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** The whole answer: some errors carry details (a 409 conflict lists the fields). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called on every 401 so the app can return to the sign-in screen. */
let onUnauthorized: () => void = () => {};

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(
  path: string,
  query?: Record<string, QueryValue> | URLSearchParams,
): string {
  if (!query) return path;
  const params = query instanceof URLSearchParams ? query : new URLSearchParams();

  if (!(query instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await send(path, init);

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body) headers.set('Content-Type', 'application/json');

  try {
    return await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network_error', 0, t.errors.network_error ?? t.state.network);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readErrorBody(response);
  if (response.status === 401) onUnauthorized();

  // The server's messages are English; the catalogue's codes get Russian words here.
  const code = body?.error ?? `http_${response.status}`;
  const fallback = body?.message || `${t.state.error} (HTTP ${response.status})`;
  return new ApiError(code, response.status, t.errors[code] ?? fallback, body);
}

async function readErrorBody(response: Response): Promise<ApiErrorBody | null> {
  try {
    const body: unknown = await response.json();
    return isErrorBody(body) ? body : null;
  } catch {
    return null;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).error === 'string'
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return t.state.unknown;
}
