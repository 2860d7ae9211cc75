import type { Static } from '@sinclair/typebox';
import { dayOutboxEntries } from '../../dispatch/index.js';
import { presentOutboxEntry } from '../../outbox/index.js';
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
    items: entries.map(presentOutboxEntry),
  };
}
