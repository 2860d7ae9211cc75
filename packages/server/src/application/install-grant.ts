import { apiError } from '../http/api-error.js';
import { type FormBody, formField } from './form-fields.js';

/**
 * What an installation hands AudioBot: the portal, its installer's token pair and the
 * application token that will authenticate the portal's calls to us from now on.
 */
export interface InstallGrant {
  /** `ONAPPINSTALL` posted by the portal's backend, or the install page opened in a frame. */
  variant: 'event' | 'frame';
  memberId: string;
  domain: string;
  /** `https://portal.bitrix24.ru/rest/`. */
  clientEndpoint: string;
  /** Where tokens are refreshed; null: Bitrix24's cloud OAuth server. */
  serverEndpoint: string | null;
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  applicationToken: string;
  scope: string | null;
}

export interface InstallQuery {
  DOMAIN?: string;
  PROTOCOL?: string;
}

/**
 * Reads either form of the install call (docs: api-reference/common/events/on-app-install.md;
 * local-integrations/serverside-local-app-with-ui.md): the ONAPPINSTALL event with
 * `auth[...]`, or the frame POST with `AUTH_ID`, `REFRESH_ID`, `member_id` and the
 * portal's address in the query. A missing field is a 400 naming it.
 */
export function installGrantOf(body: FormBody | undefined, query: InstallQuery): InstallGrant {
  const event = formField(body, 'event');
  if (event !== null) {
    if (event.toUpperCase() !== 'ONAPPINSTALL') {
      throw apiError('validation_failed', `event: expected ONAPPINSTALL, got ${event}`, 'event');
    }
    return eventGrant(body);
  }
  return frameGrant(body, query);
}

function eventGrant(body: FormBody | undefined): InstallGrant {
  const auth = (name: string) => required(formField(body, 'auth', name), `auth[${name}]`);
  const domain = auth('domain');

  return {
    variant: 'event',
    memberId: auth('member_id'),
    domain,
    clientEndpoint: formField(body, 'auth', 'client_endpoint') ?? `https://${domain}/rest/`,
    serverEndpoint: formField(body, 'auth', 'server_endpoint'),
    accessToken: auth('access_token'),
    refreshToken: auth('refresh_token'),
    expiresInSeconds: secondsOf(formField(body, 'auth', 'expires_in')),
    applicationToken: auth('application_token'),
    scope: formField(body, 'auth', 'scope'),
  };
}

function frameGrant(body: FormBody | undefined, query: InstallQuery): InstallGrant {
  const domain = required(query.DOMAIN?.trim() || null, 'DOMAIN');
  // PROTOCOL=0 only for an on-premise portal without TLS; the cloud always sends 1.
  const scheme = query.PROTOCOL === '0' ? 'http' : 'https';

  return {
    variant: 'frame',
    memberId: required(formField(body, 'member_id'), 'member_id'),
    domain,
    clientEndpoint: `${scheme}://${domain}/rest/`,
    serverEndpoint: formField(body, 'SERVER_ENDPOINT'),
    accessToken: required(formField(body, 'AUTH_ID'), 'AUTH_ID'),
    refreshToken: required(formField(body, 'REFRESH_ID'), 'REFRESH_ID'),
    expiresInSeconds: secondsOf(formField(body, 'AUTH_EXPIRES')),
    applicationToken: required(formField(body, 'APPLICATION_TOKEN'), 'APPLICATION_TOKEN'),
    scope: formField(body, 'APPLICATION_SCOPE'),
  };
}

function required(value: string | null, field: string): string {
  if (value === null) throw apiError('validation_failed', `${field}: is required`, field);
  return value;
}

function secondsOf(value: string | null): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 3600;
}
