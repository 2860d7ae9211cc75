import { Type } from '@sinclair/typebox';
import { scopedBrigadeId } from '../../auth/brigade-scope.js';
import { CLEANING_TYPE_NAMES, CLEANING_TYPES } from '../../domain/cleaning-type.js';
import { HOUSE_PROBLEM_NAMES, HOUSE_PROBLEMS } from '../../domain/house-problems.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { brigadesOf } from '../brigade-query.js';
import {
  CleaningTypeSchema,
  HouseProblemSchema,
  IdNameSchema,
  protectedErrors,
} from '../schemas/common-schemas.js';

const schema = {
  tags: ['cleaning'],
  summary: 'The choices of the houses filters: brigades, УК with their house counts, types',
  response: {
    200: Type.Object({
      brigades: Type.Array(IdNameSchema),
      managementCompanies: Type.Array(
        Type.Object({ id: Type.String(), name: Type.String(), houses: Type.Integer() }),
      ),
      cleaningTypes: Type.Array(Type.Object({ code: CleaningTypeSchema, name: Type.String() })),
      problems: Type.Array(Type.Object({ code: HouseProblemSchema, name: Type.String() })),
    }),
    ...protectedErrors,
  },
};

export function filtersRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/cleaning/filters', { schema, config: { cache: true } }, async (request) => {
    const memberId = context.memberId();
    const brigadeId = scopedBrigadeId(request.user);
    const [brigades, managementCompanies] = await Promise.all([
      brigadesOf(context.db, memberId, brigadeId),
      managementCompaniesWithHouses(context, memberId, brigadeId),
    ]);

    return {
      brigades: brigades.map((brigade) => ({ id: String(brigade.id), name: brigade.name })),
      managementCompanies,
      cleaningTypes: CLEANING_TYPES.map((code) => ({ code, name: CLEANING_TYPE_NAMES[code] })),
      problems: HOUSE_PROBLEMS.map((code) => ({ code, name: HOUSE_PROBLEM_NAMES[code] })),
    };
  });
}

/** Only УК that serve at least one (visible) house: the others would filter to nothing. */
async function managementCompaniesWithHouses(
  context: ApiContext,
  memberId: string,
  brigadeId: string | undefined,
) {
  let query = context.db
    .selectFrom('managementCompanies')
    .innerJoin('houses', (join) =>
      join
        .onRef('houses.memberId', '=', 'managementCompanies.memberId')
        .onRef('houses.managementCompanyId', '=', 'managementCompanies.id'),
    )
    .select(['managementCompanies.id', 'managementCompanies.name'])
    .select((eb) => eb.fn.countAll<number>().as('houses'))
    .where('managementCompanies.memberId', '=', memberId)
    .where('houses.deletedAt', 'is', null);
  if (brigadeId) query = query.where('houses.brigadeId', '=', Number(brigadeId));

  const rows = await query
    .groupBy(['managementCompanies.id', 'managementCompanies.name'])
    .orderBy('managementCompanies.name')
    .execute();

  return rows.map((row) => ({ id: String(row.id), name: row.name, houses: Number(row.houses) }));
}
