import type { Kysely } from 'kysely';
import type { CleaningType } from '../domain/index.js';
import type { Database } from '../store/index.js';
import { cleaningsWithHouses } from '../store/index.js';
import { brigadeLeaders } from './brigade-leaders.js';

/** One house in a brigade's day, with what is to be done there. */
export interface PlannedHouse {
  houseId: number;
  title: string;
  address: string | null;
  entrances: number | null;
  floors: number | null;
  /** Usually one; a general cleaning may fall on the day of a regular one. */
  cleanings: Array<{ type: CleaningType; typeText: string | null }>;
}

/** What one brigade is to clean on one date, in the order to show it. */
export interface BrigadeDayPlan {
  date: string;
  brigadeId: number;
  brigadeName: string;
  /** The brigade's head (the task's responsible); null when the portal names none. */
  leaderId: number | null;
  houses: PlannedHouse[];
}

type Db = Kysely<Database>;

/**
 * The day's plan of every brigade that has cleanings on that date, plus the brigades in
 * `alsoBrigadeIds` (those that had a plan sent before: an emptied day must reach them too).
 */
export async function brigadeDayPlans(
  db: Db,
  memberId: string,
  date: string,
  alsoBrigadeIds: readonly number[] = [],
): Promise<BrigadeDayPlan[]> {
  const rows = await cleaningsOfDay(db, memberId, date);
  const brigades = await brigadeLeaders(db, memberId);

  const plans = new Map<number, BrigadeDayPlan>();
  const planOf = (brigadeId: number) => {
    let plan = plans.get(brigadeId);
    if (!plan) {
      const brigade = brigades.get(brigadeId);
      plan = {
        date,
        brigadeId,
        brigadeName: brigade?.name ?? `Бригада ${brigadeId}`,
        leaderId: brigade?.leaderId ?? null,
        houses: [],
      };
      plans.set(brigadeId, plan);
    }
    return plan;
  };

  for (const brigadeId of alsoBrigadeIds) planOf(brigadeId);
  for (const row of rows) addCleaning(planOf(Number(row.brigadeId)), row);

  for (const plan of plans.values()) plan.houses.sort(byAddress);
  return [...plans.values()].sort((a, b) => collator.compare(a.brigadeName, b.brigadeName));
}

type CleaningRow = Awaited<ReturnType<typeof cleaningsOfDay>>[number];

async function cleaningsOfDay(db: Db, memberId: string, date: string) {
  return cleaningsWithHouses(db)
    .select([
      'houses.id as houseId',
      'houses.title',
      'houses.address',
      'houses.entrances',
      'houses.floors',
      'houses.brigadeId',
      'cleanings.cleaningType',
      'cleanings.typeText',
      'cleanings.slot',
    ])
    .where('cleanings.memberId', '=', memberId)
    .where('cleanings.date', '=', date)
    .where('houses.deletedAt', 'is', null)
    .where('houses.brigadeId', 'is not', null)
    .orderBy('cleanings.slot')
    .execute();
}

function addCleaning(plan: BrigadeDayPlan, row: CleaningRow): void {
  const houseId = Number(row.houseId);
  let house = plan.houses.find((planned) => planned.houseId === houseId);
  if (!house) {
    house = {
      houseId,
      title: row.title,
      address: row.address,
      entrances: row.entrances,
      floors: row.floors,
      cleanings: [],
    };
    plan.houses.push(house);
  }
  if (!house.cleanings.some((cleaning) => cleaning.type === row.cleaningType)) {
    house.cleanings.push({ type: row.cleaningType, typeText: row.typeText });
  }
}

// Street names first, house numbers as numbers: «ул. Ленина, 9» before «ул. Ленина, 10».
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function byAddress(a: PlannedHouse, b: PlannedHouse): number {
  return collator.compare(a.address ?? a.title, b.address ?? b.title) || a.houseId - b.houseId;
}
