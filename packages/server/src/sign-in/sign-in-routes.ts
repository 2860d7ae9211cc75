import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

import { ErrorSchema } from '../api/schemas/common-schemas.js';
import type { ApplicationServices } from '../application/application-services.js';
import { portalOfApplicationToken } from '../application/application-token.js';
import { formField } from '../application/form-fields.js';
import { portalOrigin } from '../application/portal-clients.js';
import { apiError } from '../http/api-error.js';
import { exchangeCode } from './code-exchange.js';
import { consumeState, issueState } from './oauth-state.js';
import { portalForSignIn } from './portal-for-sign-in.js';
import { identifyPortalUser } from './portal-identity.js';
import { returnToWebApp } from './sign-in-failure.js';
import {
  CallbackQuerySchema,
  FrameBodySchema,
  FrameQuerySchema,
  StartQuerySchema,
} from './sign-in-schemas.js';
import { isSecure, startSession } from './sign-in-session.js';
import { signedInUser } from './signed-in-user.js';

export interface SignInRoutesOptions {
  services: ApplicationServices;
}

const redirectSchema = { 302: { description: 'To the portal, or to the web app' } };

/**
 * «Войти через Bitrix24»: the authorization-code flow standalone, and the portal's
 * frame POST inside Bitrix24. Both end in an AudioBot session whose role is computed
 * from the portal now; no user token is kept.
 */
export const signInRoutes: FastifyPluginAsync<SignInRoutesOptions> = async (
  instance,
  { services },
) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/auth/bitrix24/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with Bitrix24: redirects to the portal’s authorization page',
        querystring: StartQuerySchema,
        response: { ...redirectSchema, 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        const portal = await portalForSignIn(services, { domain: request.query.domain ?? null });
        const clientId = services.application().clientId;
        const state = issueState(reply, portal.memberId, isSecure(request, services));

        const target = new URL('/oauth/authorize/', portalOrigin(portal));
        target.searchParams.set('client_id', clientId);
        target.searchParams.set('state', state);
        target.searchParams.set(
          'redirect_uri',
          `${publicBase(request, services)}/api/auth/bitrix24/callback`,
        );
        return reply.redirect(target.href, 302);
      } catch (error) {
        return returnToWebApp(request, reply, error);
      }
    },
  );

  app.get(
    '/api/auth/bitrix24/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Where the portal sends the user back with a code; starts the session',
        querystring: CallbackQuerySchema,
        response: { ...redirectSchema, 400: ErrorSchema, 401: ErrorSchema, 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (request.query.code) services.redactor.addSecret(request.query.code);
      return finishSignIn(request, reply, request.query).catch((error: unknown) =>
        returnToWebApp(request, reply, error),
      );
    },
  );

  /** The callback's work: check the state, redeem the code, start the session. */
  async function finishSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    query: { code?: string; state?: string; member_id?: string },
  ): Promise<FastifyReply> {
    const { code, state } = query;
    const memberId = consumeState(request, reply, state);
    if (!memberId)
      throw apiError('unauthenticated', 'The sign-in expired or was not started here.');
    if (!code) throw apiError('unauthenticated', 'Bitrix24 did not grant the sign-in.');
    if (query.member_id && query.member_id !== memberId) {
      throw apiError('unauthenticated', 'The sign-in came back from another portal.');
    }

    const portal = await portalForSignIn(services, { memberId });
    const grant = await exchangeCode(portal, services.application(), code, services.fetch);
    if (grant.memberId !== null && grant.memberId !== portal.memberId) {
      throw apiError('unauthenticated', 'The sign-in came back from another portal.');
    }

    const identity = await identifyPortalUser(services, portal, grant.accessToken);
    const user = await signedInUser(services.db, portal.memberId, identity);
    await startSession(request, reply, services, {
      memberId: portal.memberId,
      user,
      inFrame: false,
    });
    return reply.redirect('/', 302);
  }

  app.post(
    '/api/bitrix24/frame',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bitrix24'],
        summary: 'The application opened inside Bitrix24: signs the portal user in',
        body: FrameBodySchema,
        querystring: FrameQuerySchema,
        response: { 303: { description: 'To the web app' }, 401: ErrorSchema, 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      const memberId = formField(request.body, 'member_id');
      const portal = await portalOfApplicationToken(
        services.db,
        services.box,
        memberId,
        formField(request.body, 'APPLICATION_TOKEN'),
      );
      if (!portal) throw apiError('unauthenticated', 'The application token does not match.');

      const accessToken = formField(request.body, 'AUTH_ID');
      if (!accessToken) throw apiError('unauthenticated', 'AUTH_ID is missing.');

      const identity = await identifyPortalUser(services, portal, accessToken);
      const user = await signedInUser(services.db, portal.memberId, identity);
      await startSession(request, reply, services, {
        memberId: portal.memberId,
        user,
        inFrame: true,
      });
      return reply.redirect('/', 303);
    },
  );
};

function publicBase(request: FastifyRequest, services: ApplicationServices): string {
  const configured = services.publicUrl();
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
