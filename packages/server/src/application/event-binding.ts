import type { Bitrix24Client } from '@audiobot/bitrix24';

/**
 * The portal events AudioBot listens to (docs: api-reference/events/event-bind.md). Deal
 * changes keep the houses current; company and contact changes their УК and senior
 * residents; a new user joins the staff. ONAPPUNINSTALL goes to its own handler.
 */
export const CRM_EVENTS = [
  'ONCRMDEALADD',
  'ONCRMDEALUPDATE',
  'ONCRMDEALDELETE',
  'ONCRMCOMPANYUPDATE',
  'ONCRMCONTACTUPDATE',
  'ONUSERADD',
] as const;

export interface EventBindingResult {
  /** Bound now or found bound already. */
  bound: string[];
  /** Events the portal refused, with its reason (e.g. a missing scope). */
  failed: { event: string; reason: string }[];
}

export interface HandlerUrls {
  events: string;
  uninstall: string;
}

/**
 * Binds every handler not bound yet, in one batch after one `event.get`, so that a
 * reinstall does not double the deliveries. A refused event is reported, not fatal: the
 * periodic sync still brings its changes.
 */
export async function bindEventHandlers(
  client: Bitrix24Client,
  urls: HandlerUrls,
): Promise<EventBindingResult> {
  const wanted = new Map<string, string>(CRM_EVENTS.map((event) => [event, urls.events]));
  wanted.set('ONAPPUNINSTALL', urls.uninstall);

  const existing = await boundHandlers(client);
  const missing = [...wanted].filter(([event, handler]) => !existing.has(`${event} ${handler}`));
  const result: EventBindingResult = {
    bound: [...wanted.keys()].filter((event) => !missing.some(([name]) => name === event)),
    failed: [],
  };
  if (missing.length === 0) return result;

  const commands = Object.fromEntries(
    missing.map(([event, handler]) => [
      event,
      { method: 'event.bind', params: { event, handler } },
    ]),
  );
  const answer = await client.batch(commands);
  for (const [event] of missing) {
    const error = answer.errors[event];
    if (error) result.failed.push({ event, reason: error.description || error.code });
    else result.bound.push(event);
  }
  return result;
}

/** `EVENT handler` pairs already bound; none when the portal cannot list them. */
async function boundHandlers(client: Bitrix24Client): Promise<Set<string>> {
  try {
    const answer = await client.call<{ event?: string; handler?: string }[]>('event.get');
    const rows = Array.isArray(answer.result) ? answer.result : [];
    return new Set(rows.map((row) => `${String(row.event).toUpperCase()} ${row.handler}`));
  } catch {
    return new Set();
  }
}
