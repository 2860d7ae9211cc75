import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { restErrors } from '../errors/rest-error.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import type { SnapshotUser } from '../snapshot/snapshot-format.js';
import type { RestTarget } from '../transport/rest-path.js';
import type { Caller } from './caller.js';

/**
 * Who is calling: the webhook named in the path, or the application whose access token
 * comes as `auth`, `access_token` or `Authorization: Bearer`
 * (docs: settings/how-to-call-rest-api/authorization.md).
 */
export function resolveCaller(
  portal: EmulatorPortal,
  target: RestTarget,
  params: Record<string, unknown>,
  headers: IncomingHttpHeaders,
): Caller {
  if (target.kind === 'webhook') return webhookCaller(portal, target.userId, target.code);

  const token = accessTokenOf(params, headers);
  if (!token) throw restErrors.noAuthFound();
  return applicationCaller(portal, token);
}

function accessTokenOf(
  params: Record<string, unknown>,
  headers: IncomingHttpHeaders,
): string | null {
  for (const key of ['auth', 'access_token']) {
    const value = params[key];
    if (typeof value === 'string' && value !== '') return value;
  }

  const header = headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  return bearer?.[1] ?? null;
}

function activeUser(portal: EmulatorPortal, userId: string): SnapshotUser {
  const user = portal.state.users.get(userId);
  if (!user) throw restErrors.invalidCredentials();
  if (!user.ACTIVE) throw restErrors.authorizationError();
  return user;
}

function webhookCaller(portal: EmulatorPortal, userId: string, code: string): Caller {
  const webhook = portal.state.webhooks.get(code);
  if (!webhook || webhook.userId !== userId) throw restErrors.invalidCredentials();

  return {
    kind: 'webhook',
    user: activeUser(portal, userId),
    scopes: new Set(webhook.scopes),
    clientId: null,
    budgetKey: `webhook:${createHash('sha256').update(code).digest('hex').slice(0, 12)}`,
  };
}

function applicationCaller(portal: EmulatorPortal, token: string): Caller {
  const check = portal.tokens.checkAccess(token);
  if (check.status === 'unknown') throw restErrors.invalidToken();
  if (check.status === 'expired') throw restErrors.expiredToken();

  const { grant } = check;
  if (!portal.state.installations.has(grant.clientId)) throw restErrors.invalidToken();

  return {
    kind: 'application',
    user: activeUser(portal, grant.userId),
    scopes: new Set(grant.scopes),
    clientId: grant.clientId,
    budgetKey: `application:${grant.clientId}`,
  };
}
