import { stringify } from 'qs';

/**
 * One event call as a portal sends it: a form-encoded POST with `event`,
 * `event_handler_id`, `data[...]`, `ts` and `auth[...]` (docs: api-reference/events/index.md).
 */
export interface EventCall {
  event: string;
  eventHandlerId: string;
  data: Record<string, unknown>;
  ts: number;
  auth: Record<string, string | number>;
}

export function encodeEventCall(call: EventCall): string {
  return stringify({
    event: call.event,
    event_handler_id: call.eventHandlerId,
    data: call.data,
    ts: String(call.ts),
    auth: call.auth,
  });
}

export interface DeliveryOutcome {
  event: string;
  handlerId: string;
  /** The handler URL without query (it may hold a secret). */
  handler: string;
  status: number | null;
  error: string | null;
  at: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/** Posts once; a failure is recorded, never retried, like the portal does. */
export async function deliver(
  url: string,
  body: string,
): Promise<{ status: number | null; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return { status: response.status, error: null };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message : String(error) };
  }
}
