import { Type } from '@sinclair/typebox';

import { Nullable } from '../schemas/common-schemas.js';

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    name: Type.String(),
    role: Type.Union([
      Type.Literal('admin'),
      Type.Literal('office'),
      Type.Literal('brigade_leader'),
      Type.Literal('brigade_member'),
    ]),
    brigadeId: Nullable(Type.String()),
  }),
  demo: Type.Boolean({ description: 'True while AudioBot serves the built-in demo portal' }),
});
