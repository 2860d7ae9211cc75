import type { Kysely } from 'kysely';

import type { Database } from '../../store/index.js';

/** Everything the house card shows, in four queries whatever the size of the schedule. */
export async function loadHouseDetail(db: Kysely<Database>, memberId: string, houseId: number) {
  const house = await db
    .selectFrom('houses')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('id', '=', houseId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!house) return null;

  const [cleanings, related, fieldLabels] = await Promise.all([
    db
      .selectFrom('cleanings')
      .select(['date', 'cleaningType', 'typeText', 'slot', 'month'])
      .where('memberId', '=', memberId)
      .where('houseId', '=', houseId)
      .orderBy('date')
      .orderBy('slot')
      .execute(),
    loadRelated(db, memberId, house),
    db
      .selectFrom('fieldMappings')
      .select(['fieldName', 'label'])
      .where('memberId', '=', memberId)
      .execute(),
  ]);
  return { house, cleanings, ...related, fieldLabels };
}

export type HouseDetailRows = NonNullable<Awaited<ReturnType<typeof loadHouseDetail>>>;

type HouseIds = Pick<
  Database['houses'],
  'managementCompanyId' | 'seniorResidentId' | 'brigadeId' | 'responsibleId'
>;

async function loadRelated(db: Kysely<Database>, memberId: string, house: HouseIds) {
  const byId = <T>(id: number | null, load: (id: number) => Promise<T | undefined>) =>
    id === null ? Promise.resolve(undefined) : load(id);

  const [managementCompany, seniorResident, brigade, responsible] = await Promise.all([
    byId(house.managementCompanyId, (id) =>
      db
        .selectFrom('managementCompanies')
        .select(['id', 'name', 'phones', 'emails'])
        .where('memberId', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst(),
    ),
    byId(house.seniorResidentId, (id) =>
      db
        .selectFrom('seniorResidents')
        .select(['id', 'name', 'phones', 'emails'])
        .where('memberId', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst(),
    ),
    byId(house.brigadeId, (id) =>
      db
        .selectFrom('brigades')
        .select(['id', 'name'])
        .where('memberId', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst(),
    ),
    byId(house.responsibleId, (id) =>
      db
        .selectFrom('employees')
        .select(['id', 'name'])
        .where('memberId', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst(),
    ),
  ]);
  return { managementCompany, seniorResident, brigade, responsible };
}
