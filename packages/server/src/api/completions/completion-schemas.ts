import { type Static, Type } from '@sinclair/typebox';
import { MAX_PHOTOS } from '../../completions/photo-upload.js';
import {
  CleaningTypeSchema,
  IdParamSchema,
  IsoDateSchema,
  Nullable,
} from '../schemas/common-schemas.js';

const WriteStateSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')],
  { description: 'The outbox state of a write to Bitrix24' },
);

export const CompletionSchema = Type.Object({
  id: Type.String(),
  houseId: Type.String(),
  date: IsoDateSchema,
  cleaningType: CleaningTypeSchema,
  slot: Type.Integer({ description: 'Schedule slot 1 or 2; 0 for the general cleaning' }),
  brigadeId: Nullable(Type.String()),
  status: Type.Union([Type.Literal('done'), Type.Literal('not_done')]),
  reason: Nullable(Type.String()),
  authorName: Type.String(),
  createdAt: Type.String(),
  photos: Type.Array(
    Type.Object({
      id: Type.String(),
      url: Type.String({ description: 'GET it signed in; never public' }),
    }),
  ),
  bitrix24: Type.Object({
    commentId: Nullable(Type.String({ description: 'The deal timeline comment, once written' })),
    comment: Nullable(WriteStateSchema),
    dayTask: Nullable(WriteStateSchema),
    notifications: Type.Array(WriteStateSchema),
  }),
});
export type CompletionAnswer = Static<typeof CompletionSchema>;

export const CompletionCreateSchema = Type.Object(
  {
    houseId: IdParamSchema,
    date: IsoDateSchema,
    cleaningType: CleaningTypeSchema,
    slot: Type.Integer({ minimum: 0, maximum: 9 }),
    status: Type.Union([Type.Literal('done'), Type.Literal('not_done')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    photos: Type.Array(
      Type.String({
        minLength: 16,
        description: 'A JPEG, PNG or WebP image as base64 or a data URL, at most 5 MB',
      }),
      { maxItems: MAX_PHOTOS, default: [] },
    ),
  },
  { additionalProperties: false },
);

const CompletionStatusSchema = Type.Union(
  [Type.Literal('done'), Type.Literal('not_done'), Type.Literal('withdrawn')],
  { description: 'withdrawn: the office took the mark back, the cleaning is not marked' },
);

export const CompletionCorrectionSchema = Type.Object(
  {
    status: CompletionStatusSchema,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    note: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Why the office corrects the mark; kept in the history and the comment',
    }),
  },
  { additionalProperties: false },
);

export const CompletionChangeSchema = Type.Object({
  id: Type.String(),
  completionId: Type.String(),
  before: Type.Object({
    status: CompletionStatusSchema,
    reason: Nullable(Type.String()),
    authorName: Type.String(),
  }),
  after: Type.Object({ status: CompletionStatusSchema, reason: Nullable(Type.String()) }),
  note: Type.String(),
  changedByName: Type.String(),
  changedAt: Type.String(),
});
export type CompletionChangeAnswer = Static<typeof CompletionChangeSchema>;

const PlannedSchema = Type.Object({
  date: IsoDateSchema,
  cleaningType: CleaningTypeSchema,
  slot: Type.Integer(),
});

export const DayHouseSchema = Type.Object({
  houseId: Type.String(),
  address: Type.String(),
  brigadeId: Nullable(Type.String()),
  entrances: Nullable(Type.Integer()),
  floors: Nullable(Type.Integer()),
  cleanings: Type.Array(
    Type.Object({
      cleaningType: CleaningTypeSchema,
      typeText: Nullable(Type.String()),
      slot: Type.Integer(),
      completion: Nullable(CompletionSchema),
    }),
  ),
});

export const ComplaintAnswerSchema = Type.Object({
  houseId: Type.String(),
  address: Type.String(),
  brigadeId: Nullable(Type.String()),
  brigadeName: Nullable(Type.String()),
  verdict: Type.Union(
    [
      Type.Literal('done'),
      Type.Literal('partly_done'),
      Type.Literal('not_done'),
      Type.Literal('not_marked'),
      Type.Literal('not_planned'),
    ],
    { description: 'What the day says, from the plan and the completions' },
  ),
  planned: Type.Array(PlannedSchema),
  nearestBefore: Nullable(PlannedSchema),
  nearestAfter: Nullable(PlannedSchema),
  completions: Type.Array(CompletionSchema),
  changes: Type.Array(CompletionChangeSchema, {
    description: 'The office’s corrections of the day’s marks, oldest first',
  }),
  dealUrl: Nullable(Type.String({ description: 'The deal in Bitrix24, where the comment is' })),
});
