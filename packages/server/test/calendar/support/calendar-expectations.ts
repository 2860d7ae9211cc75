import { expect } from 'vitest';
import type { OutboxHarness, PortalEvent } from '../../outbox/support/outbox-harness.js';

/** What the expectations read: the store, and the portal through the emulator. */
type PortalAndStore = Pick<OutboxHarness, 'store' | 'emulator' | 'events'>;

/** A cleaning of the plan as the store holds it, with where its event should be. */
export interface PlannedCleaning {
  houseId: number;
  date: string;
  brigadeName: string;
  leaderId: number | null;
}

/** The store's cleanings of a date for houses with a brigade (what the calendar shows). */
export async function plannedCleanings(
  harness: PortalAndStore,
  date: string,
): Promise<PlannedCleaning[]> {
  const rows = await harness.store.db
    .selectFrom('cleanings')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'cleanings.memberId')
        .onRef('houses.id', '=', 'cleanings.houseId'),
    )
    .innerJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'houses.memberId')
        .onRef('brigades.id', '=', 'houses.brigadeId'),
    )
    .select(['houses.id as houseId', 'cleanings.date', 'brigades.name', 'brigades.headId'])
    .where('cleanings.memberId', '=', harness.emulator.memberId)
    .where('cleanings.date', '=', date)
    .where('houses.deletedAt', 'is', null)
    .orderBy('houses.id')
    .execute();
  return rows.map((row) => ({
    houseId: Number(row.houseId),
    date: row.date,
    brigadeName: row.name,
    leaderId: row.headId === null ? null : Number(row.headId),
  }));
}

/**
 * The portal's calendar holds exactly one event per cleaning of the date, in the right
 * calendar: per house, as many events as cleanings, and none for anything else.
 */
export async function expectEventsMatchPlan(
  harness: PortalAndStore,
  date: string,
  mode: 'brigade' | 'company',
): Promise<PortalEvent[]> {
  const planned = (await plannedCleanings(harness, date)).filter(
    (cleaning) => mode === 'company' || cleaning.leaderId !== null,
  );
  const events = harness.events().filter((event) => event.date === date);

  expect(planned.length).toBeGreaterThan(1);
  expect(events.map(bindingOf).sort()).toEqual(planned.map((one) => `D_${one.houseId}`).sort());
  for (const cleaning of planned) {
    const mine = events.filter((event) => bindingOf(event) === `D_${cleaning.houseId}`);
    for (const event of mine) {
      if (mode === 'company') {
        expect(event).toMatchObject({ type: 'company_calendar', ownerId: '0' });
      } else {
        expect(event).toMatchObject({
          type: 'user',
          ownerId: String(cleaning.leaderId),
          sectionName: `Уборки: ${cleaning.brigadeName}`,
        });
      }
    }
  }
  return events;
}

export function bindingOf(event: PortalEvent): string {
  return event.crmFields[0] ?? '';
}
