import { type Static, Type } from '@sinclair/typebox';

import {
  IdNameSchema,
  IdParamSchema,
  IsoDateSchema,
  MonthSchema,
  Nullable,
} from '../schemas/common-schemas.js';

export const ActStatusSchema = Type.Union(
  [
    Type.Literal('signed'),
    Type.Literal('ready'),
    Type.Literal('behind'),
    Type.Literal('in_progress'),
  ],
  {
    description:
      'signed: the act is signed; ready: every planned cleaning is done; behind: a planned ' +
      'cleaning before today is not done; in_progress: nothing overdue, not all done yet',
  },
);

export const ActSignatureSchema = Type.Object({
  date: IsoDateSchema,
  by: Type.Object({ id: Nullable(Type.String()), name: Type.String() }),
});

export const ActSchema = Type.Object({
  house: Type.Object({
    id: Type.String(),
    title: Type.String(),
    address: Nullable(Type.String()),
  }),
  brigade: Nullable(IdNameSchema),
  month: MonthSchema,
  planned: Type.Integer({ description: 'Cleanings planned in the month' }),
  done: Type.Integer({ description: 'Planned cleanings marked done' }),
  overdue: Type.Integer({ description: 'Planned before today and not done' }),
  status: ActStatusSchema,
  signature: Nullable(ActSignatureSchema),
});
export type Act = Static<typeof ActSchema>;

export const ActStatisticsSchema = Type.Object(
  {
    houses: Type.Integer({ description: 'Houses with an act this month' }),
    signed: Type.Integer(),
    ready: Type.Integer({ description: 'Not signed, every planned cleaning done' }),
    behind: Type.Integer(),
    inProgress: Type.Integer(),
    planned: Type.Integer({ description: 'Cleanings planned, over all the houses' }),
    done: Type.Integer({ description: 'Of them done' }),
  },
  { description: 'The month over all houses the viewer may see' },
);
export type ActStatistics = Static<typeof ActStatisticsSchema>;

/** Which act: the house and the month, as in `/api/acts/:month/houses/:id/signature`. */
export const ActParamsSchema = Type.Object({ month: MonthSchema, id: IdParamSchema });

export const ActFilterProperties = {
  month: Type.Optional(MonthSchema),
  brigadeId: Type.Optional(IdParamSchema),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of the address' })),
};
