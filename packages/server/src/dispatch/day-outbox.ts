import type { Kysely } from 'kysely';
import { calendarEventUpsertKind, type OutboxEntry } from '../outbox/index.js';
import { outboxEntryOf } from '../outbox/outbox-entry.js';
import type { Database } from '../store/index.js';

/**
 * The outbox entries of a date's dispatch: its tasks (per brigade or per house) and the
 * calendar events of that day, added or removed. Tasks first, then events, oldest first.
 */
export async function dayOutboxEntries(
  db: Kysely<Database>,
  memberId: string,
  date: string,
): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('memberId', '=', memberId)
    .where((eb) =>
      eb.or([
        eb('idempotencyKey', 'like', `brigade-plan:%:${date}`),
        eb('idempotencyKey', 'like', `house-plan:%:${date}`),
        eb('idempotencyKey', 'like', `cleaning-event:${date.slice(0, 7)}:%`),
      ]),
    )
    .orderBy('id')
    .execute();

  const entries = rows.map(outboxEntryOf).filter((entry) => isOfDate(entry, date));
  const tasks = entries.filter((entry) => !entry.idempotencyKey.startsWith('cleaning-event:'));
  const events = entries.filter((entry) => entry.idempotencyKey.startsWith('cleaning-event:'));
  return [...tasks, ...events];
}

function isOfDate(entry: OutboxEntry, date: string): boolean {
  if (!entry.idempotencyKey.startsWith('cleaning-event:'))
    return entry.idempotencyKey.endsWith(`:${date}`);
  const payload = entry.payload as { event?: { date?: string }; date?: string } | null;
  const day = entry.kind === calendarEventUpsertKind ? payload?.event?.date : payload?.date;
  return day === date;
}
