import { type Static, Type } from '@sinclair/typebox';

import {
  CleaningTypeSchema,
  HouseProblemSchema,
  IdNameSchema,
  IdParamSchema,
  IsoDateSchema,
  MonthSchema,
  Nullable,
} from '../schemas/common-schemas.js';

/** The filters shared by the houses list, its export and (partly) the schedule. */
export const HouseFilterProperties = {
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Any part of the address or title; case and ё/е do not matter',
    }),
  ),
  brigadeId: Type.Optional(IdParamSchema),
  managementCompanyId: Type.Optional(IdParamSchema),
  cleaningType: Type.Optional({
    ...CleaningTypeSchema,
    description: 'Houses with a cleaning of this type in the date range (default: this month)',
  }),
  date: Type.Optional({ ...IsoDateSchema, description: 'Houses with a cleaning that day' }),
  from: Type.Optional({ ...IsoDateSchema, description: 'Houses with a cleaning from this day' }),
  to: Type.Optional({ ...IsoDateSchema, description: 'Houses with a cleaning up to this day' }),
  problem: Type.Optional(HouseProblemSchema),
  sort: Type.Optional(
    Type.Union([
      Type.Literal('address'),
      Type.Literal('apartments'),
      Type.Literal('entrances'),
      Type.Literal('floors'),
      Type.Literal('nextCleaning'),
    ]),
  ),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};

export const HouseFilterSchema = Type.Object(HouseFilterProperties, {
  additionalProperties: false,
});
export type HouseFilter = Static<typeof HouseFilterSchema>;

export const NextCleaningSchema = Type.Object({ date: IsoDateSchema, type: CleaningTypeSchema });

export const HouseSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  apartments: Nullable(Type.Integer()),
  entrances: Nullable(Type.Integer()),
  floors: Nullable(Type.Integer()),
  area: Nullable(Type.Number()),
  tariff: Nullable(Type.String()),
  brigade: Nullable(IdNameSchema),
  managementCompany: Nullable(IdNameSchema),
  seniorResident: Nullable(
    Type.Object({ id: Type.String(), name: Type.String(), phone: Nullable(Type.String()) }),
  ),
  periodicity: Type.String({ description: 'This month’s schedule in words, e.g. «4 раза»' }),
  nextCleaning: Nullable(NextCleaningSchema),
  problems: Type.Array(HouseProblemSchema),
});
export type HouseSummary = Static<typeof HouseSummarySchema>;

const ContactSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phones: Type.Array(Type.String()),
  emails: Type.Array(Type.String()),
});

export const ScheduledCleaningSchema = Type.Object({
  date: IsoDateSchema,
  type: CleaningTypeSchema,
  typeText: Type.String(),
  slot: Type.Integer(),
});

export const HouseDetailSchema = Type.Composite([
  Type.Omit(HouseSummarySchema, ['managementCompany', 'seniorResident']),
  Type.Object({
    managementCompany: Nullable(ContactSchema),
    seniorResident: Nullable(ContactSchema),
    contract: Nullable(Type.String()),
    serviceStart: Nullable(IsoDateSchema),
    stage: Nullable(Type.String()),
    responsible: Nullable(IdNameSchema),
    schedule: Type.Array(
      Type.Object({
        month: MonthSchema,
        periodicity: Type.String(),
        cleanings: Type.Array(ScheduledCleaningSchema),
      }),
    ),
    generalCleaning: Nullable(Type.Object({ date: IsoDateSchema, typeText: Type.String() })),
    bitrixUrl: Nullable(Type.String({ description: 'The deal in Bitrix24; holds no token' })),
    fields: Type.Array(
      Type.Object({ code: Type.String(), label: Type.String(), value: Type.String() }),
    ),
  }),
]);
export type HouseDetail = Static<typeof HouseDetailSchema>;
