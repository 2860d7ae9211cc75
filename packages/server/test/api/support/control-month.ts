import type { Kysely } from 'kysely';
import type { RequestUser } from '../../../src/auth/request-user.js';
import { createSession } from '../../../src/auth/session-store.js';
import type { CompletionStatus, Database, NewCleaning } from '../../../src/store/index.js';
import { MEMBER_ID } from './api-fixture.js';
import {
  aCleaning,
  aHouse,
  insertBrigade,
  insertCleanings,
  insertHouses,
} from './house-factory.js';

/**
 * December 2026 of a small portal, seen on the fixture's today (2026-12-03), for the
 * acts and KPI tests. Two brigades and a house without one:
 * - A (brigade 11, 2 entrances × 5 floors): 12-01 wet done, 12-10 first floor ahead;
 * - B (brigade 11, 1 × 9): 12-01 sweeping done, 12-02 wet not done: behind;
 * - C (brigade 12, 3 × 4): 12-01 wet and 12-02 sweeping both done: ready to sign;
 * - D (brigade 12): only November planned; E (brigade 12): deleted; F (none, 4 × 5): 12-15.
 */
export const HOUSES = { A: 501, B: 502, C: 503, D: 504, E: 505, F: 506 } as const;

export async function seedControlMonth(db: Kysely<Database>): Promise<void> {
  await insertBrigade(db, 11, 'Бригада 1', 100);
  await insertBrigade(db, 12, 'Бригада 2', 200);
  await insertHouses(db, [
    house(HOUSES.A, 'Аллейная улица, 1', 11, 2, 5),
    house(HOUSES.B, 'Болдина улица, 2', 11, 1, 9),
    house(HOUSES.C, 'Вишнёвая улица, 3', 12, 3, 4),
    house(HOUSES.D, 'Гагарина улица, 4', 12, 2, 2),
    { ...house(HOUSES.E, 'Дачная улица, 5', 12, 2, 2), deletedAt: '2026-12-02T00:00:00.000Z' },
    house(HOUSES.F, 'Ельцова улица, 6', null, 4, 5),
  ]);

  await insertCleanings(db, [
    aCleaning(HOUSES.A, '2026-12-01'),
    aCleaning(HOUSES.A, '2026-12-10', { cleaningType: 'first_floor', slot: 2 }),
    aCleaning(HOUSES.B, '2026-12-01', { cleaningType: 'sweeping' }),
    aCleaning(HOUSES.B, '2026-12-02', { slot: 2 }),
    aCleaning(HOUSES.C, '2026-12-01'),
    aCleaning(HOUSES.C, '2026-12-02', { cleaningType: 'sweeping', slot: 2 }),
    aCleaning(HOUSES.D, '2026-11-20'),
    aCleaning(HOUSES.E, '2026-12-01'),
    aCleaning(HOUSES.F, '2026-12-15'),
  ]);
  await insertCompletions(db, [
    [HOUSES.A, '2026-12-01', 'full_wet', 1, 'done'],
    [HOUSES.B, '2026-12-01', 'sweeping', 1, 'done'],
    [HOUSES.B, '2026-12-02', 'full_wet', 2, 'not_done'],
    [HOUSES.C, '2026-12-01', 'full_wet', 1, 'done'],
    [HOUSES.C, '2026-12-02', 'sweeping', 2, 'done'],
    [HOUSES.E, '2026-12-01', 'full_wet', 1, 'done'],
    // Answers a cleaning the schedule no longer holds: no fact for acts or KPI.
    [HOUSES.F, '2026-12-01', 'full_wet', 1, 'done'],
  ]);
}

function house(id: number, address: string, brigadeId: number | null, e: number, f: number) {
  return aHouse({ id, address, title: `Дом ${id}`, brigadeId, entrances: e, floors: f });
}

type CompletionLine = [number, string, NewCleaning['cleaningType'], number, CompletionStatus];

export async function insertCompletions(db: Kysely<Database>, lines: CompletionLine[]) {
  const rows = lines.map(([houseId, date, cleaningType, slot, status]) => ({
    memberId: MEMBER_ID,
    houseId,
    date,
    cleaningType,
    slot,
    brigadeId: null,
    status,
    reason: status === 'done' ? null : 'Закрыт подъезд',
    photoCount: status === 'done' ? 2 : 0,
    authorId: 100,
    authorName: 'Бригадир Первый',
    createdAt: `${date}T12:00:00.000Z`,
  }));
  await db.insertInto('completions').values(rows).execute();
}

/** A session cookie for a user of the given role, as the sign-in would make it. */
export async function sessionCookie(
  db: Kysely<Database>,
  user: Omit<RequestUser, 'via'>,
): Promise<{ cookie: string }> {
  const session = await createSession(db, MEMBER_ID, user);
  return { cookie: `audiobot_session=${session.token}` };
}
