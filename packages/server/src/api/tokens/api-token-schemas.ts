import { type Static, Type } from '@sinclair/typebox';

import type { ApiToken } from '../../store/index.js';
import { Nullable } from '../schemas/common-schemas.js';

/** A token as listed: never its secret, which only the create answer carries, once. */
export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('office')]),
  createdAt: Type.String({ description: 'ISO time' }),
  lastUsedAt: Nullable(Type.String({ description: 'ISO time, to the minute' })),
  revokedAt: Nullable(Type.String({ description: 'ISO time; a revoked token gets 401' })),
});
export type ApiTokenView = Static<typeof ApiTokenSchema>;

export const NewApiTokenSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'What the token is for, e.g. «Выгрузка в 1С»',
    }),
    role: Type.Union([Type.Literal('admin'), Type.Literal('office')], {
      default: 'office',
      description: 'office reads everything; admin may also sync and manage tokens',
    }),
  },
  { additionalProperties: false },
);

export function presentApiToken(row: ApiToken): ApiTokenView {
  return {
    id: String(row.id),
    name: row.name,
    // Tokens are made only with these two roles (the schema above).
    role: row.role === 'admin' ? 'admin' : 'office',
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
