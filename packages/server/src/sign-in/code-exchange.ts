import type { ApplicationCredentials } from '../config/index.js';
import { apiError } from '../http/api-error.js';
import type { Portal } from '../store/index.js';

export interface CodeGrant {
  accessToken: string;
  memberId: string | null;
}

const CLOUD_OAUTH_SERVER = 'https://oauth.bitrix.info';

/**
 * The second step of the authorization-code flow (docs: settings/oauth/index.md): the
 * code, the client id and secret go to the OAuth server the install stored for this
 * portal, never to one named in the callback's query (`server_domain`), which anyone
 * can write. The user's tokens serve only to identify them and are then dropped.
 */
export async function exchangeCode(
  portal: Pick<Portal, 'serverEndpoint'>,
  application: ApplicationCredentials,
  code: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<CodeGrant> {
  const server = (portal.serverEndpoint ?? CLOUD_OAUTH_SERVER)
    .replace(/\/+$/, '')
    .replace(/\/rest$/, '');
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: application.clientId,
    client_secret: application.clientSecret,
    code,
  });

  const response = await fetchImpl(`${server}/oauth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    signal: AbortSignal.timeout(15_000),
  }).catch(() => {
    throw apiError('portal_unavailable');
  });

  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    throw apiError('unauthenticated', 'Bitrix24 did not accept the sign-in code: sign in again.');
  }
  return {
    accessToken: body.access_token,
    memberId: typeof body.member_id === 'string' ? body.member_id : null,
  };
}
