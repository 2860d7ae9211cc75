import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import { CLEANING_TYPES } from '../../domain/cleaning-type.js';
import { HOUSE_PROBLEMS } from '../../domain/house-problems.js';
import { cleaningsWithBrigades } from '../../store/index.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { monthOf, monthRange } from '../local-date.js';
import {
  CleaningTypeSchema,
  HouseProblemSchema,
  IsoDateSchema,
  MonthSchema,
  Nullable,
  protectedErrors,
} from '../schemas/common-schemas.js';

const schema = {
  tags: ['dashboard'],
  summary: 'The company at a glance: counts, this month’s cleanings, data problems, today',
  response: {
    200: Type.Object({
      houses: Type.Integer(),
      apartments: Type.Integer(),
      entrances: Type.Integer(),
      floors: Type.Integer({ description: 'Sum over houses of their floors' }),
      employees: Type.Integer({
        description: 'Active brigade staff: the people /api/dashboard/employees lists by default',
      }),
      brigades: Type.Integer(),
      month: MonthSchema,
      cleaningsByType: Type.Array(Type.Object({ type: CleaningTypeSchema, count: Type.Integer() })),
      housesWithProblems: Type.Integer(),
      problems: Type.Array(Type.Object({ code: HouseProblemSchema, count: Type.Integer() })),
      today: Type.Object({
        date: IsoDateSchema,
        byBrigade: Type.Array(
          Type.Object({
            brigadeId: Nullable(Type.String()),
            name: Type.String(),
            cleanings: Type.Integer(),
          }),
        ),
      }),
    }),
    ...protectedErrors,
  },
};

export function statisticsRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/dashboard/statistics', { schema, config: { cache: true } }, async (request) => {
    const scope = { memberId: context.memberId(), brigadeId: scopedBrigadeId(request.user) };
    const today = context.today();
    const month = monthOf(today);

    const [houses, people, byType, todayByBrigade] = await Promise.all([
      houseTotals(context, scope),
      peopleTotals(context, scope),
      cleaningsByType(context, scope, month),
      cleaningsOn(context, scope, today),
    ]);

    return {
      ...houses.counts,
      ...people,
      month,
      cleaningsByType: byType,
      housesWithProblems: houses.withProblems,
      problems: houses.problems,
      today: { date: today, byBrigade: todayByBrigade },
    };
  });
}

/** Whose figures: the portal's, or one brigade's (a brigade user's scope). */
interface StatisticsScope {
  memberId: string;
  brigadeId: string | undefined;
}

/** Counts and every problem's count in one pass over the houses. */
async function houseTotals(context: ApiContext, { memberId, brigadeId }: StatisticsScope) {
  let query = context.db
    .selectFrom('houses')
    .select((eb) => [
      eb.fn.countAll<number>().as('houses'),
      eb.fn.sum<number>('apartments').as('apartments'),
      eb.fn.sum<number>('entrances').as('entrances'),
      eb.fn.sum<number>('floors').as('floors'),
      sql<number>`sum(case when problems <> '[]' then 1 else 0 end)`.as('withProblems'),
      // Aliases without underscores: the store's camelCase plugin would rename them.
      ...HOUSE_PROBLEMS.map((code, index) =>
        sql<number>`sum(case when problems like ${`%"${code}"%`} then 1 else 0 end)`.as(
          `p${index}`,
        ),
      ),
    ])
    .where('memberId', '=', memberId)
    .where('deletedAt', 'is', null);
  if (brigadeId) query = query.where('brigadeId', '=', Number(brigadeId));
  const row = await query.executeTakeFirstOrThrow();

  const values = row as unknown as Record<string, number | string | null>;
  const number = (key: string) => Number(values[key] ?? 0);
  return {
    counts: {
      houses: number('houses'),
      apartments: number('apartments'),
      entrances: number('entrances'),
      floors: number('floors'),
    },
    withProblems: number('withProblems'),
    problems: HOUSE_PROBLEMS.map((code, index) => ({ code, count: number(`p${index}`) })),
  };
}

async function peopleTotals(context: ApiContext, { memberId, brigadeId }: StatisticsScope) {
  let employees = context.db
    .selectFrom('employees')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('memberId', '=', memberId)
    .where('deletedAt', 'is', null)
    .where('active', '=', 1)
    .where('brigadeId', 'is not', null);
  let brigades = context.db
    .selectFrom('brigades')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('memberId', '=', memberId)
    .where('isBrigade', '=', 1);
  if (brigadeId) {
    employees = employees.where('brigadeId', '=', Number(brigadeId));
    brigades = brigades.where('id', '=', Number(brigadeId));
  }

  const [staff, brigadeCount] = await Promise.all([
    employees.executeTakeFirstOrThrow(),
    brigades.executeTakeFirstOrThrow(),
  ]);
  return { employees: Number(staff.count), brigades: Number(brigadeCount.count) };
}

/**
 * Counted on the (member, date, type, house) index alone, the month as its range of
 * dates (a cleaning's month is its date's): the sync drops the cleanings of a deleted
 * house, so every cleaning row belongs to a present house. A brigade's count keeps the
 * cleanings of its houses.
 */
async function cleaningsByType(context: ApiContext, scope: StatisticsScope, month: string) {
  const { memberId, brigadeId } = scope;
  const range = monthRange(month);
  let query = context.db
    .selectFrom('cleanings')
    .select(['cleaningType'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('memberId', '=', memberId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to);
  if (brigadeId) {
    query = query.where('houseId', 'in', (eb) =>
      eb
        .selectFrom('houses')
        .select('houses.id')
        .where('houses.memberId', '=', memberId)
        .where('houses.brigadeId', '=', Number(brigadeId)),
    );
  }
  const rows = await query.groupBy('cleaningType').execute();

  const counts = new Map(rows.map((row) => [row.cleaningType, Number(row.count)]));
  return CLEANING_TYPES.map((type) => ({ type, count: counts.get(type) ?? 0 }));
}

async function cleaningsOn(context: ApiContext, scope: StatisticsScope, date: string) {
  const { memberId, brigadeId } = scope;
  let query = cleaningsWithBrigades(context.db)
    .select(['houses.brigadeId', 'brigades.name'])
    .select((eb) => eb.fn.countAll<number>().as('cleanings'))
    .where('cleanings.memberId', '=', memberId)
    .where('cleanings.date', '=', date)
    .where('houses.deletedAt', 'is', null);
  if (brigadeId) query = query.where('houses.brigadeId', '=', Number(brigadeId));

  const rows = await query
    .groupBy(['houses.brigadeId', 'brigades.name'])
    .orderBy('brigades.name')
    .execute();

  return rows.map((row) => ({
    brigadeId: row.brigadeId === null ? null : String(row.brigadeId),
    name: row.name ?? 'Без бригады',
    cleanings: Number(row.cleanings),
  }));
}
