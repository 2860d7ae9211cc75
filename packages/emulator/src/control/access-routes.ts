import {
  ApplicationError,
  installApplication,
  uninstallApplication,
} from '../oauth/application-install.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import type { SnapshotApplication, SnapshotUser } from '../snapshot/snapshot-format.js';
import { badRequest, ControlError, type ControlRoute, notFound, ok } from './control-route.js';

/** Webhooks, the local application, users and the portal's existence. */
function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value)) throw badRequest(`${name} must be an array of strings`);
  return value.map(String);
}

function existingUser(portal: EmulatorPortal, id: string) {
  const user = portal.state.users.get(id);
  if (!user) throw notFound(`User ${id}`);
  return user;
}

/** Replaces the row so that a reset brings back the snapshot's user. */
function setActive(portal: EmulatorPortal, id: string, active: boolean): void {
  portal.state.users.insert({ ...existingUser(portal, id), ACTIVE: active });
}

/**
 * What an administrator changes about a person in the portal's settings: departments
 * (moving them between brigades) and the administrator right. Other fields stay.
 */
function userChanges(body: Record<string, unknown>): Partial<SnapshotUser> {
  const changes: Partial<SnapshotUser> = {};
  if (body.UF_DEPARTMENT !== undefined) {
    if (!Array.isArray(body.UF_DEPARTMENT)) throw badRequest('UF_DEPARTMENT must be an array');
    changes.UF_DEPARTMENT = body.UF_DEPARTMENT.map(Number);
  }
  if (body.IS_ADMIN !== undefined) {
    if (typeof body.IS_ADMIN !== 'boolean') throw badRequest('IS_ADMIN must be true or false');
    changes.IS_ADMIN = body.IS_ADMIN;
  }
  return changes;
}

function applicationView(portal: EmulatorPortal, application: SnapshotApplication) {
  return {
    clientId: application.clientId,
    clientSecret: application.clientSecret,
    scopes: application.scopes,
    appUrl: application.appUrl,
    installUrl: application.installUrl,
    installed: portal.state.installations.has(application.clientId),
  };
}

function firstApplication(portal: EmulatorPortal, clientId: unknown): SnapshotApplication {
  const id = typeof clientId === 'string' ? clientId : [...portal.state.applications.keys()][0];
  const application = id ? portal.state.applications.get(id) : undefined;
  if (!application) throw notFound('Application');
  return application;
}

export const accessRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/webhooks',
    handle: (portal) =>
      ok({
        items: [...portal.state.webhooks.values()].map((webhook) => ({
          ...webhook,
          url: portal.webhookUrl(webhook.userId, webhook.code),
        })),
      }),
  },
  {
    method: 'POST',
    path: '/webhooks',
    handle: (portal, body) => {
      const userId = String(body.userId ?? portal.state.adminUser()?.ID ?? '');
      existingUser(portal, userId);
      const code = typeof body.code === 'string' ? body.code : portal.newSecret(8);
      portal.logger.addSecret(code);

      const webhook = {
        userId,
        code,
        scopes: stringList(body.scopes ?? [], 'scopes'),
        title: String(body.title ?? 'webhook'),
      };
      portal.state.webhooks.set(code, webhook);
      return { status: 201, body: { ...webhook, url: portal.webhookUrl(userId, code) } };
    },
  },
  {
    method: 'DELETE',
    path: '/webhooks/:code',
    handle: (portal, _body, params) => {
      if (!portal.state.webhooks.delete(params.code ?? '')) throw notFound('Webhook');
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/application',
    handle: (portal) => ok(applicationView(portal, firstApplication(portal, undefined))),
  },
  {
    method: 'PUT',
    path: '/application',
    handle: (portal, body) => {
      const current = portal.state.applications.get(String(body.clientId ?? ''));
      const application: SnapshotApplication = {
        clientId: String(
          body.clientId ?? current?.clientId ?? `local.${portal.newSecret(7)}.${Date.now() % 1e8}`,
        ),
        clientSecret: String(body.clientSecret ?? current?.clientSecret ?? portal.newSecret(25)),
        scopes: stringList(body.scopes ?? current?.scopes ?? [], 'scopes'),
        appUrl: String(body.appUrl ?? current?.appUrl ?? ''),
        installUrl: String(body.installUrl ?? current?.installUrl ?? ''),
      };
      portal.logger.addSecret(application.clientSecret);
      portal.state.applications.set(application.clientId, application);
      return ok(applicationView(portal, application));
    },
  },
  {
    method: 'POST',
    path: '/application/install',
    handle: async (portal, body) => {
      const application = firstApplication(portal, body.clientId);
      const userId = body.userId === undefined ? undefined : String(body.userId);
      try {
        return ok(await installApplication(portal, application.clientId, userId));
      } catch (error) {
        if (error instanceof ApplicationError)
          throw new ControlError(409, 'cannot_install', error.message);
        throw error;
      }
    },
  },
  {
    method: 'POST',
    path: '/application/uninstall',
    handle: async (portal, body) => {
      const application = firstApplication(portal, body.clientId);
      return ok({ uninstalled: await uninstallApplication(portal, application.clientId) });
    },
  },
  {
    method: 'POST',
    path: '/users/:id/deactivate',
    handle: (portal, _body, params) => {
      setActive(portal, params.id ?? '', false);
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/users/:id/activate',
    handle: (portal, _body, params) => {
      setActive(portal, params.id ?? '', true);
      return ok();
    },
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    handle: (portal, body, params) => {
      const user = existingUser(portal, params.id ?? '');
      portal.state.users.insert({ ...user, ...userChanges(body) });
      return ok({ user: portal.state.users.get(user.ID) });
    },
  },
  {
    method: 'POST',
    path: '/portal/delete',
    handle: (portal) => {
      portal.state.deleted = true;
      return ok();
    },
  },
  {
    method: 'POST',
    path: '/portal/restore',
    handle: (portal) => {
      portal.state.deleted = false;
      return ok();
    },
  },
];
