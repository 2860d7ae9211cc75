import { Type } from '@sinclair/typebox';

export const StartQuerySchema = Type.Object({
  domain: Type.Optional(
    Type.String({ description: 'Portal host when AudioBot serves several; default: the one' }),
  ),
});

export const CallbackQuerySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ description: 'Authorization code, lives 30 s (secret)' })),
    state: Type.Optional(Type.String({ description: 'The state /start issued' })),
    domain: Type.Optional(Type.String({ description: 'Portal host' })),
    member_id: Type.Optional(Type.String({ description: 'Portal id' })),
    error: Type.Optional(Type.String({ description: 'Set when the user declined' })),
  },
  { additionalProperties: true },
);

export const FrameBodySchema = Type.Object(
  {
    AUTH_ID: Type.Optional(Type.String({ description: 'The opening user’s access token' })),
    REFRESH_ID: Type.Optional(
      Type.String({ description: 'Not used: AudioBot keeps no user token' }),
    ),
    AUTH_EXPIRES: Type.Optional(Type.String()),
    member_id: Type.Optional(Type.String({ description: 'Portal id' })),
    APPLICATION_TOKEN: Type.Optional(Type.String({ description: 'Must equal the stored one' })),
    PLACEMENT: Type.Optional(
      Type.String({ description: 'Where the app was opened, e.g. DEFAULT' }),
    ),
  },
  { additionalProperties: true },
);

export const FrameQuerySchema = Type.Object(
  {
    DOMAIN: Type.Optional(Type.String()),
    LANG: Type.Optional(Type.String()),
    APP_SID: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
