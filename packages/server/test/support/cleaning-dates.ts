import type { Store } from '../../src/store/index.js';

// Dates of a synced portal's plan that a test runs a day on, picked from the store.

/** A store that one portal has been synced into, and that portal's member id. */
interface SyncedPortal {
  store: Pick<Store, 'db'>;
  emulator: { memberId: string };
}

/** The date with the most cleanings: its plans touch every brigade the demo has. */
export async function busiestDate(portal: SyncedPortal): Promise<string> {
  const row = await portal.store.db
    .selectFrom('cleanings')
    .select((eb) => ['date', eb.fn.countAll<number>().as('count')])
    .where('memberId', '=', portal.emulator.memberId)
    .groupBy('date')
    .orderBy('count', 'desc')
    .orderBy('date')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.date;
}

/** The earliest date with a cleaning. */
export async function firstCleaningDate(portal: SyncedPortal): Promise<string> {
  const row = await portal.store.db
    .selectFrom('cleanings')
    .select('date')
    .where('memberId', '=', portal.emulator.memberId)
    .orderBy('date')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.date;
}
