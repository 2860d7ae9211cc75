import { type Static, type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/** Shapes shared by several endpoints. One definition each, reused by every schema. */

export const ErrorSchema = Type.Object(
  {
    error: Type.String({ description: 'Stable error code, e.g. house_not_found' }),
    message: Type.String(),
    field: Type.Optional(Type.String({ description: 'The request field at fault' })),
  },
  { description: 'Every error answer' },
);

export const IdNameSchema = Type.Object({ id: Type.String(), name: Type.String() });
export type IdName = Static<typeof IdNameSchema>;

/**
 * A value or null, written as `type: [T, 'null']` rather than `anyOf`: the response
 * serializer then needs no per-value schema test (anyOf costs a validation per field),
 * and validation, types and the OpenAPI document stay the same.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const type = (schema as { type?: unknown }).type;
  if (typeof type !== 'string')
    return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]));
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
}

/** Ids come from Bitrix24 (numbers); the API sends and takes them as strings. */
export const IdParamSchema = Type.String({ pattern: '^[0-9]{1,18}$', description: 'An id' });

export const IsoDateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A local date in the company time zone, YYYY-MM-DD',
  examples: ['2026-12-09'],
});

export const MonthSchema = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'A month, YYYY-MM',
  examples: ['2026-12'],
});

export const CleaningTypeSchema = Type.Union(
  [
    Type.Literal('full_wet'),
    Type.Literal('sweeping'),
    Type.Literal('first_floor'),
    Type.Literal('general'),
    Type.Literal('unknown'),
  ],
  { description: 'Normalized cleaning type' },
);
export type CleaningType = Static<typeof CleaningTypeSchema>;

export const HouseProblemSchema = Type.Union([
  Type.Literal('no_address'),
  Type.Literal('no_coordinates'),
  Type.Literal('no_schedule_this_month'),
  Type.Literal('no_management_company'),
  Type.Literal('no_senior_resident'),
  Type.Literal('no_brigade'),
  Type.Literal('no_counts'),
]);
export type HouseProblem = Static<typeof HouseProblemSchema>;

/** The error answers every protected route may give, for the OpenAPI document. */
export const protectedErrors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
} as const;
