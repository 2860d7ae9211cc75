import { Type } from '@sinclair/typebox';

/**
 * The portal's calls to AudioBot are form-encoded with PHP-style names. The schemas name
 * the fields AudioBot reads (for the OpenAPI document) and let the rest through: the
 * portal adds fields over time and an unknown one must not fail an install.
 */
const text = (description: string) => Type.Optional(Type.String({ description }));

export const InstallBodySchema = Type.Object(
  {
    event: text('ONAPPINSTALL when the portal calls the install URL from its backend'),
    'auth[access_token]': text('Installer access token (secret)'),
    'auth[refresh_token]': text('Installer refresh token (secret)'),
    'auth[expires_in]': text('Seconds the access token lives'),
    'auth[domain]': text('Portal host'),
    'auth[member_id]': text('Portal id'),
    'auth[client_endpoint]': text('Portal REST address'),
    'auth[server_endpoint]': text('OAuth server REST address'),
    'auth[application_token]': text('Authenticates the portal’s later calls (secret)'),
    AUTH_ID: text('Frame variant: access token (secret)'),
    REFRESH_ID: text('Frame variant: refresh token (secret)'),
    AUTH_EXPIRES: text('Frame variant: seconds the access token lives'),
    member_id: text('Frame variant: portal id'),
    APPLICATION_TOKEN: text('Frame variant: application token (secret)'),
    PLACEMENT: text('Frame variant: where the application was opened'),
  },
  { additionalProperties: true },
);

export const FrameQuerySchema = Type.Object(
  {
    DOMAIN: text('Portal host (frame calls)'),
    PROTOCOL: text('1 for https'),
    LANG: text('Interface language'),
    APP_SID: text('Frame session id'),
  },
  { additionalProperties: true },
);

export const InstallOutcomeSchema = Type.Object({
  installed: Type.Literal(true),
  memberId: Type.String(),
  domain: Type.String(),
  events: Type.Object({
    bound: Type.Array(Type.String()),
    failed: Type.Array(Type.Object({ event: Type.String(), reason: Type.String() })),
  }),
  syncQueued: Type.Boolean(),
});

export const UninstallBodySchema = Type.Object(
  {
    event: text('ONAPPUNINSTALL'),
    'auth[member_id]': text('Portal id'),
    'auth[application_token]': text('The token stored at install (secret)'),
  },
  { additionalProperties: true },
);

export const UninstalledSchema = Type.Object({ uninstalled: Type.Literal(true) });
