import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';

import type { Database } from '../../store/index.js';
import { visitFloorCleaningsSql } from '../dashboard/floor-cleanings.js';
import { cleaningDone } from '../done-cleanings-query.js';
import { idOrNull } from '../json-text.js';
import { monthRange } from '../local-date.js';
import type { KpiBrigade, KpiFigures } from './kpi-schemas.js';

export interface KpiScope {
  memberId: string;
  month: string;
  today: string;
  brigadeId?: string;
}

const NO_BRIGADE = 'Без бригады';

/**
 * Plan, plan to date and fact per brigade in one pass over the month's cleanings. The
 * brigade is the house's brigade now: a house moved between brigades mid-month counts
 * for its new brigade, done visits included.
 */
export async function kpiByBrigade(db: Kysely<Database>, scope: KpiScope): Promise<KpiBrigade[]> {
  const range = monthRange(scope.month);
  const toDate = sql<SqlBool>`cleanings.date <= ${scope.today}`;

  let query = db
    .selectFrom('cleanings')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'cleanings.memberId')
        .onRef('houses.id', '=', 'cleanings.houseId'),
    )
    .leftJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'houses.memberId')
        .onRef('brigades.id', '=', 'houses.brigadeId'),
    )
    .select(['houses.brigadeId', 'brigades.name'])
    .select([
      ...figures('plan', sql<SqlBool>`1 = 1`),
      ...figures('toDate', toDate),
      ...figures('fact', cleaningDone()),
    ])
    .where('cleanings.memberId', '=', scope.memberId)
    .where('cleanings.date', '>=', range.from)
    .where('cleanings.date', '<=', range.to)
    .where('houses.deletedAt', 'is', null)
    .groupBy(['houses.brigadeId', 'brigades.name']);
  if (scope.brigadeId) query = query.where('houses.brigadeId', '=', Number(scope.brigadeId));

  const rows = await query.execute();
  return rows.map(presentRow).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

type Prefix = 'plan' | 'toDate' | 'fact';

// Three sums over the visits that meet the condition.
function figures<P extends Prefix>(prefix: P, condition: Expression<SqlBool>) {
  const sumWhen = (value: RawBuilder<number>) =>
    sql<number>`sum(case when ${condition} then ${value} else 0 end)`;
  return [
    sumWhen(sql`1`).as(`${prefix}Cleanings`),
    sumWhen(sql`coalesce(houses.entrances, 0)`).as(`${prefix}Entrances`),
    sumWhen(visitFloorCleaningsSql).as(`${prefix}FloorCleanings`),
  ] as const;
}

type KpiRow = Record<`${Prefix}${'Cleanings' | 'Entrances' | 'FloorCleanings'}`, unknown> & {
  brigadeId: number | null;
  name: string | null;
};

function presentRow(row: KpiRow): KpiBrigade {
  return {
    brigadeId: idOrNull(row.brigadeId),
    name: row.name ?? NO_BRIGADE,
    plan: figuresOf(row, 'plan'),
    planToDate: figuresOf(row, 'toDate'),
    fact: figuresOf(row, 'fact'),
  };
}

function figuresOf(row: KpiRow, prefix: Prefix): KpiFigures {
  return {
    cleanings: Number(row[`${prefix}Cleanings`] ?? 0),
    entrances: Number(row[`${prefix}Entrances`] ?? 0),
    floorCleanings: Number(row[`${prefix}FloorCleanings`] ?? 0),
  };
}

/** The sum of every brigade's figures. */
export function kpiTotal(brigades: KpiBrigade[]): Omit<KpiBrigade, 'brigadeId' | 'name'> {
  const zero = (): KpiFigures => ({ cleanings: 0, entrances: 0, floorCleanings: 0 });
  const total = { plan: zero(), planToDate: zero(), fact: zero() };
  for (const brigade of brigades) {
    for (const key of ['plan', 'planToDate', 'fact'] as const) {
      total[key].cleanings += brigade[key].cleanings;
      total[key].entrances += brigade[key].entrances;
      total[key].floorCleanings += brigade[key].floorCleanings;
    }
  }
  return total;
}
