import { type Static, Type } from '@sinclair/typebox';

import { MonthSchema, Nullable } from '../schemas/common-schemas.js';

export const KpiFiguresSchema = Type.Object({
  cleanings: Type.Integer({ description: 'Visits' }),
  entrances: Type.Integer({ description: 'Entrances cleaned, summed over the visits' }),
  floorCleanings: Type.Integer({
    description: 'Landings: entrances × floors, one per entrance for a first-floor visit',
  }),
});
export type KpiFigures = Static<typeof KpiFiguresSchema>;

const KpiComparison = {
  plan: { ...KpiFiguresSchema, description: 'Every cleaning planned in the month' },
  planToDate: { ...KpiFiguresSchema, description: 'Planned on or before today' },
  fact: { ...KpiFiguresSchema, description: 'Planned cleanings marked done' },
};

export const KpiBrigadeSchema = Type.Object({
  brigadeId: Nullable(Type.String({ description: 'null: houses without a brigade' })),
  name: Type.String(),
  ...KpiComparison,
});
export type KpiBrigade = Static<typeof KpiBrigadeSchema>;

export const KpiSchema = Type.Object({
  month: MonthSchema,
  brigades: Type.Array(KpiBrigadeSchema),
  total: Type.Object(KpiComparison),
});
export type Kpi = Static<typeof KpiSchema>;
