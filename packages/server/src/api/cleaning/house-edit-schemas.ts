import { type Static, Type } from '@sinclair/typebox';

import { IdNameSchema, IsoDateSchema, MonthSchema, Nullable } from '../schemas/common-schemas.js';

/** The cleaning types a schedule slot takes; anything else is refused (400). */
export const SlotTypeSchema = Type.Union(
  [Type.Literal('full_wet'), Type.Literal('sweeping'), Type.Literal('first_floor')],
  { description: 'The type of a schedule slot' },
);

const Count = (description: string) =>
  Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000, description })));

/** The parts of a house an edit can change, each optional. */
const editParts = {
  apartments: Count('Apartments; null clears the field'),
  entrances: Count('Entrances'),
  floors: Count('Floors'),
  area: Type.Optional(
    Nullable(Type.Number({ minimum: 0, maximum: 10_000_000, description: 'Living area, m²' })),
  ),
  brigadeId: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,18}$',
      description: 'The brigade: the deal gets a responsible user of that department',
    }),
  ),
  schedule: Type.Optional(
    Type.Object(
      {
        month: MonthSchema,
        slots: Type.Array(
          Type.Object(
            {
              slot: Type.Integer({ minimum: 1, maximum: 9 }),
              dates: Type.Array(IsoDateSchema, { maxItems: 31 }),
              cleaningType: Nullable(SlotTypeSchema),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 9 },
        ),
      },
      { additionalProperties: false },
    ),
  ),
  generalCleaning: Type.Optional(
    Type.Object(
      {
        date: Type.Optional(
          Nullable({ ...IsoDateSchema, description: 'The date; null clears; absent: unchanged' }),
        ),
        items: Type.Optional(
          Type.Array(Type.String({ pattern: '^[0-9]{1,18}$' }), {
            maxItems: 50,
            description: 'Item ids of the general cleaning list; [] clears; absent: unchanged',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  ),
};

/**
 * A change of a house: only the parts given are written. Overwriting after a conflict is
 * the same request again with `baseVersion` set to the 409 answer's `currentVersion`.
 */
export const HouseEditBodySchema = Type.Object(
  {
    baseVersion: Nullable(
      Type.String({
        maxLength: 40,
        description: '`version` of the edit form the change was made in (the deal DATE_MODIFY)',
      }),
    ),
    ...editParts,
    startingValues: Type.Optional(
      Type.Object(
        {
          ...editParts,
          brigadeId: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{1,18}$' }))),
        },
        {
          additionalProperties: false,
          description:
            'The values the form showed for the parts changed. Used only when the store ' +
            'has moved past baseVersion: a part then conflicts only when Bitrix24 holds ' +
            'neither these values nor the edit’s, instead of whenever the deal moved.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type HouseEditBody = Static<typeof HouseEditBodySchema>;

const MeaningSchema = Type.Union([
  Type.Number(),
  Type.String(),
  Type.Array(Type.String()),
  Type.Null(),
]);

export const EditConflictSchema = Type.Object({
  part: Type.String({
    description: 'apartments, brigade, schedule.2025-09.1.dates, generalCleaning.date …',
  }),
  field: Type.String({ description: 'The deal field, e.g. UF_CRM_1669704529022' }),
  label: Type.String(),
  theirs: { ...MeaningSchema, description: 'The value in Bitrix24 now' },
  ours: { ...MeaningSchema, description: 'The value this edit wanted to write' },
});

export const HouseEditConflictSchema = Type.Object({
  error: Type.Literal('house_edit_conflict'),
  message: Type.String(),
  currentVersion: Nullable(
    Type.String({ description: 'Send as baseVersion to overwrite after reading the conflicts' }),
  ),
  conflicts: Type.Array(EditConflictSchema),
});

export const HouseEditResultSchema = Type.Object({
  status: Type.Union([Type.Literal('written'), Type.Literal('pending')], {
    description: 'written: the deal and the store hold the change; pending: retried in background',
  }),
  outboxId: Type.String(),
  version: Nullable(Type.String({ description: 'The deal version after the write' })),
  lastError: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

const SlotFormSchema = Type.Object({
  slot: Type.Integer(),
  dates: Type.Array(IsoDateSchema),
  cleaningType: Nullable(SlotTypeSchema),
  types: Type.Array(SlotTypeSchema, { description: 'Types the month’s type field offers' }),
});

const CountPartSchema = Type.Union([
  Type.Literal('apartments'),
  Type.Literal('entrances'),
  Type.Literal('floors'),
  Type.Literal('area'),
]);

export const HouseEditFormSchema = Type.Object({
  houseId: Type.String(),
  version: Nullable(Type.String({ description: 'Send back as baseVersion' })),
  counts: Type.Object({
    apartments: Nullable(Type.Integer()),
    entrances: Nullable(Type.Integer()),
    floors: Nullable(Type.Integer()),
    area: Nullable(Type.Number()),
  }),
  editableCounts: Type.Array(CountPartSchema),
  brigadeId: Nullable(Type.String()),
  brigades: Type.Array(IdNameSchema),
  months: Type.Array(Type.Object({ month: MonthSchema, slots: Type.Array(SlotFormSchema) })),
  generalCleaning: Nullable(
    Type.Object(
      {
        date: Nullable(IsoDateSchema),
        items: Type.Array(Type.String(), { description: 'Item ids the deal holds' }),
        choices: Type.Array(IdNameSchema, { description: 'The general cleaning list' }),
      },
      { description: 'Null when the portal has no general cleaning date field' },
    ),
  ),
  pendingEdit: Type.Boolean(),
});
export type HouseEditFormView = Static<typeof HouseEditFormSchema>;
