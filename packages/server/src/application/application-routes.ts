import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';

import { ErrorSchema } from '../api/schemas/common-schemas.js';
import {
  FrameQuerySchema,
  InstallBodySchema,
  InstallOutcomeSchema,
  UninstallBodySchema,
  UninstalledSchema,
} from './application-schemas.js';
import type { ApplicationServices } from './application-services.js';
import { formField } from './form-fields.js';
import { installFinishPage } from './install-finish-page.js';
import { installGrantOf } from './install-grant.js';
import { installPortal } from './portal-install.js';
import { uninstallPortal } from './portal-uninstall.js';

export interface ApplicationRoutesOptions {
  services: ApplicationServices;
}

/**
 * The local application's install and uninstall URLs. Public (the portal calls them),
 * so each proves itself: the install by tokens that work for our application on the
 * configured portal, the uninstall by the application token stored at install.
 */
export const applicationRoutes: FastifyPluginAsync<ApplicationRoutesOptions> = async (
  instance,
  { services },
) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/bitrix24/install',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bitrix24'],
        summary: 'Install URL of the local application (ONAPPINSTALL, or the install frame)',
        body: InstallBodySchema,
        querystring: FrameQuerySchema,
        response: {
          200: {
            description:
              'JSON to the portal’s backend; to the install frame, a page that finishes it',
            content: {
              'application/json': { schema: InstallOutcomeSchema },
              'text/html': { schema: Type.String() },
            },
          },
          400: ErrorSchema,
          403: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const grant = installGrantOf(request.body, request.query);
      const outcome = await installPortal(services, grant);

      if (grant.variant === 'frame') {
        return reply.type('text/html; charset=utf-8').send(installFinishPage);
      }
      return { installed: true as const, ...outcome };
    },
  );

  app.post(
    '/api/bitrix24/uninstall',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bitrix24'],
        summary: 'ONAPPUNINSTALL handler: forgets the portal’s tokens',
        body: UninstallBodySchema,
        response: { 200: UninstalledSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const memberId = formField(request.body, 'auth', 'member_id');
      const token = formField(request.body, 'auth', 'application_token');
      await uninstallPortal(services, memberId, token);
      return { uninstalled: true as const };
    },
  );
};
