import { type ExpressionBuilder, type Kysely, sql } from 'kysely';

import type { Database } from '../../store/index.js';
import { searchPatterns } from '../cleaning/search-query.js';
import { cleaningDone } from '../done-cleanings-query.js';
import { monthRange } from '../local-date.js';

export type ActStatus = 'signed' | 'ready' | 'behind' | 'in_progress';

export interface ActScope {
  memberId: string;
  month: string;
  /** The company's date: a planned cleaning before it and not done is overdue. */
  today: string;
  brigadeId?: string;
  q?: string;
  /** One house only (the answer of a sign or unsign). */
  houseId?: number;
}

type HouseRow = ExpressionBuilder<Database, 'houses'>;

/**
 * The houses that owe an act for the month — every live house with a planned cleaning
 * in it — plus any house whose act of that month is signed, with its counts: planned,
 * done (a completion marked it done) and overdue (planned before today, not done).
 * Each count is a probe of the cleanings primary key (member, house, date), so a page
 * of 100 costs little. Known shortcoming: the month's statistics and a status filter
 * visit every house: about 2 s at 100 000 houses on a small machine (one grouped pass
 * over the cleanings measured no faster overall). A per-house-month summary kept by the
 * sync and the completions would make them milliseconds.
 */
export function actMonths(db: Kysely<Database>, scope: ActScope) {
  const range = monthRange(scope.month);
  const cleaningsOf = (eb: HouseRow) =>
    eb
      .selectFrom('cleanings')
      .whereRef('cleanings.memberId', '=', 'houses.memberId')
      .whereRef('cleanings.houseId', '=', 'houses.id')
      .where('cleanings.date', '>=', range.from)
      .where('cleanings.date', '<=', range.to);

  let query = db
    .selectFrom('houses')
    .leftJoin('acts', (join) =>
      join
        .onRef('acts.memberId', '=', 'houses.memberId')
        .onRef('acts.houseId', '=', 'houses.id')
        .on('acts.month', '=', scope.month),
    )
    .leftJoin('brigades', (join) =>
      join
        .onRef('brigades.memberId', '=', 'houses.memberId')
        .onRef('brigades.id', '=', 'houses.brigadeId'),
    )
    .select([
      'houses.id as houseId',
      'houses.title',
      'houses.address',
      'houses.searchText',
      'houses.brigadeId',
      'brigades.name as brigadeName',
      'acts.signedOn',
      'acts.signedById',
      'acts.signedByName',
    ])
    .select((eb) => [
      cleaningsOf(eb).select(eb.fn.countAll<number>().as('n')).as('planned'),
      cleaningsOf(eb).where(cleaningDone()).select(eb.fn.countAll<number>().as('n')).as('done'),
      cleaningsOf(eb)
        .where('cleanings.date', '<', scope.today)
        .where(eb.not(cleaningDone()))
        .select(eb.fn.countAll<number>().as('n'))
        .as('overdue'),
    ])
    .where('houses.memberId', '=', scope.memberId)
    .where((eb) =>
      eb.or([
        eb('acts.houseId', 'is not', null),
        eb.and([
          eb('houses.deletedAt', 'is', null),
          eb.exists(cleaningsOf(eb).select(sql.lit(1).as('one'))),
        ]),
      ]),
    );

  if (scope.houseId !== undefined) query = query.where('houses.id', '=', scope.houseId);
  if (scope.brigadeId) query = query.where('houses.brigadeId', '=', Number(scope.brigadeId));
  for (const pattern of searchPatterns(scope.q ?? '')) {
    query = query.where('houses.searchText', 'like', pattern);
  }
  return query;
}

/** The months with their status, decided by the database so it can filter and count. */
export function actMonthsWithStatus(db: Kysely<Database>, scope: ActScope) {
  return db
    .selectFrom(actMonths(db, scope).as('m'))
    .selectAll('m')
    .select((eb) =>
      eb
        .case()
        .when('m.signedOn', 'is not', null)
        .then(sql.lit<ActStatus>('signed'))
        .when(eb.and([eb('m.planned', '>', 0), eb('m.done', '>=', eb.ref('m.planned'))]))
        .then(sql.lit<ActStatus>('ready'))
        .when('m.overdue', '>', 0)
        .then(sql.lit<ActStatus>('behind'))
        .else(sql.lit<ActStatus>('in_progress'))
        .end()
        .as('status'),
    );
}

export type ActMonthRow = Awaited<
  ReturnType<ReturnType<typeof actMonthsWithStatus>['execute']>
>[number];
