import type { ServerResponse } from 'node:http';
import { sendJson, sendRedirect } from '../http/http-answer.js';
import { type IncomingCall, mergedParams } from '../http/incoming-request.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import type { Grant } from './token-store.js';

/**
 * The portal's OAuth endpoints (docs: api-reference/oauth/index.md). On a real portal
 * `/oauth/token/` lives on oauth.bitrix.info; here the emulator's origin plays both.
 *
 * `/oauth/authorize/` approves at once for the logged-in user: the portal's first
 * active administrator, or the user named by `user_id` (an emulator extension).
 */
type OAuthError = { status: number; error: string; description: string };

/** What an OAuth endpoint answers: JSON, or the redirect of an approved authorization. */
type OAuthAnswer = { status: number; body: Record<string, unknown> } | { redirect: string };

const invalidClient: OAuthError = {
  status: 401,
  error: 'invalid_client',
  description: 'Invalid client',
};

function fail(problem: OAuthError): OAuthAnswer {
  return {
    status: problem.status,
    body: { error: problem.error, error_description: problem.description },
  };
}

function authorize(portal: EmulatorPortal, params: Record<string, unknown>): OAuthAnswer {
  const clientId = String(params.client_id ?? '');
  const application = portal.state.applications.get(clientId);
  if (!application) return fail(invalidClient);
  if (!portal.state.installations.has(clientId)) {
    return fail({
      status: 400,
      error: 'application_not_installed',
      description: 'Application is not installed',
    });
  }

  const userId = String(params.user_id ?? portal.state.adminUser()?.ID ?? '');
  const user = portal.state.users.get(userId);
  if (!user?.ACTIVE) {
    return fail({
      status: 403,
      error: 'authorization_error',
      description: 'User is not authorized',
    });
  }

  const code = portal.tokens.issueCode({ clientId, userId, scopes: application.scopes });
  const target = new URL(String(params.redirect_uri ?? application.appUrl));
  target.searchParams.set('code', code);
  if (params.state !== undefined) target.searchParams.set('state', String(params.state));
  target.searchParams.set('domain', portal.state.portal.domain);
  target.searchParams.set('member_id', portal.state.portal.memberId);
  target.searchParams.set('scope', application.scopes.join(','));
  target.searchParams.set('server_domain', new URL(portal.origin).host);
  return { redirect: target.toString() };
}

function redeem(portal: EmulatorPortal, params: Record<string, unknown>): Grant | OAuthError {
  const grantType = String(params.grant_type ?? '');
  if (grantType === 'authorization_code') {
    const grant = portal.tokens.redeemCode(String(params.code ?? ''));
    return (
      grant ?? { status: 400, error: 'invalid_grant', description: 'Invalid authorization code' }
    );
  }
  if (grantType === 'refresh_token') {
    const grant = portal.tokens.redeemRefresh(String(params.refresh_token ?? ''));
    return grant ?? { status: 400, error: 'invalid_grant', description: 'Invalid refresh token' };
  }
  return { status: 400, error: 'unsupported_grant_type', description: 'Unsupported grant type' };
}

function token(portal: EmulatorPortal, params: Record<string, unknown>): OAuthAnswer {
  const application = portal.state.applications.get(String(params.client_id ?? ''));
  if (!application || application.clientSecret !== String(params.client_secret ?? '')) {
    return fail(invalidClient);
  }

  const grant = redeem(portal, params);
  if ('error' in grant) return fail(grant);
  if (grant.clientId !== application.clientId || !portal.state.installations.has(grant.clientId)) {
    return fail({ status: 400, error: 'invalid_grant', description: 'Invalid grant' });
  }

  const tokens = portal.tokens.issuePair(grant);
  return {
    status: 200,
    body: {
      access_token: tokens.accessToken,
      expires: Math.floor(portal.clock.nowSeconds()) + tokens.expiresIn,
      expires_in: tokens.expiresIn,
      scope: grant.scopes.join(','),
      domain: new URL(portal.origin).host,
      server_endpoint: portal.restEndpoint(),
      status: 'L',
      client_endpoint: portal.restEndpoint(),
      member_id: portal.state.portal.memberId,
      user_id: Number(grant.userId),
      refresh_token: tokens.refreshToken,
    },
  };
}

function answer(portal: EmulatorPortal, path: string, params: Record<string, unknown>) {
  if (portal.state.deleted) {
    return fail({ status: 403, error: 'PORTAL_DELETED', description: 'Portal was deleted' });
  }
  if (path === '/oauth/authorize/') return authorize(portal, params);
  if (path === '/oauth/token/') return token(portal, params);
  return fail({ status: 404, error: 'NOT_FOUND', description: 'Not found' });
}

/**
 * Answers an OAuth request and logs it in the request log as `oauth/token` or
 * `oauth/authorize`, so that tests can count token refreshes like REST calls.
 */
export async function routeOAuth(
  portal: EmulatorPortal,
  call: IncomingCall,
  response: ServerResponse,
): Promise<void> {
  const path = call.path.endsWith('/') ? call.path : `${call.path}/`;
  const params = mergedParams(call);
  const reply = answer(portal, path, params);

  const status = 'redirect' in reply ? 302 : reply.status;
  const error = 'redirect' in reply ? undefined : reply.body.error;
  portal.requests.add({
    at: portal.clock.now().toISOString(),
    method: path.slice(1, -1),
    status,
    error: status >= 400 ? String(error ?? '') : null,
    via: 'application',
    batchCommands: [],
    ...(path === '/oauth/token/' ? { grantType: String(params.grant_type ?? '') } : {}),
  });

  if ('redirect' in reply) sendRedirect(response, reply.redirect);
  else await sendJson(response, reply.status, reply.body);
}
