import type { Kysely } from 'kysely';

import type { Database } from '../../store/index.js';
import { type ActScope, actMonthsWithStatus } from './act-month-query.js';
import type { ActStatistics } from './act-schemas.js';

/** The month's acts counted by status, and the cleanings planned and done, in one query. */
export async function actStatistics(db: Kysely<Database>, scope: ActScope): Promise<ActStatistics> {
  const rows = await db
    .selectFrom(actMonthsWithStatus(db, scope).as('a'))
    .select('a.status')
    .select((eb) => [
      eb.fn.countAll<number>().as('houses'),
      eb.fn.sum<number>('a.planned').as('planned'),
      eb.fn.sum<number>('a.done').as('done'),
    ])
    .groupBy('a.status')
    .execute();

  const statistics = { houses: 0, signed: 0, ready: 0, behind: 0, inProgress: 0 };
  let planned = 0;
  let done = 0;
  for (const row of rows) {
    const houses = Number(row.houses);
    statistics.houses += houses;
    statistics[row.status === 'in_progress' ? 'inProgress' : row.status] += houses;
    planned += Number(row.planned ?? 0);
    done += Number(row.done ?? 0);
  }
  return { ...statistics, planned, done };
}
