import type { Static } from '@sinclair/typebox';
import { dayOutboxEntries } from '../../dispatch/index.js';
import { type OutboxEntry, presentOutboxEntry } from '../../outbox/index.js';
import type { ApiContext } from '../api-context.js';
import type { DayDispatchStateSchema } from './dispatch-schemas.js';

export type DayDispatchState = Static<typeof DayDispatchStateSchema>;

/** What the date's dispatch holds now, with the settings it is sent with. */
export async function dayDispatchState(
  context: Pick<ApiContext, 'db' | 'config'>,
  memberId: string,
  date: string,
): Promise<DayDispatchState> {
  const entries = await dayOutboxEntries(context.db, memberId, date);
  const counts = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return {
    date,
    settings: { ...context.config.dispatch },
    counts,
    items: entries.map((entry) => ({ ...presentOutboxEntry(entry), title: titleOf(entry) })),
  };
}

/** The task's title or the event's name as the portal shows them, the marker cut off. */
function titleOf(entry: OutboxEntry): string | null {
  const payload = entry.payload as {
    marker?: string;
    fields?: { TITLE?: unknown };
    event?: { name?: unknown };
  } | null;
  const text = payload?.fields?.TITLE ?? payload?.event?.name;
  if (typeof text !== 'string') return null;
  return payload?.marker ? text.replace(payload.marker, '').trim() : text;
}
