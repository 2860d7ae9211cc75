import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/http-answer.js';
import type { IncomingCall } from '../http/incoming-request.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { accessRoutes } from './access-routes.js';
import { ControlError, type ControlRoute } from './control-route.js';
import { dataRoutes } from './data-routes.js';
import { limitsRoutes } from './limits-routes.js';
import { logRoutes } from './log-routes.js';

/**
 * The control API: the emulator's own surface under `/_emulator/`, apart from
 * Bitrix24's. Errors answer `{error, message}`.
 */
const routes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/',
    handle: (portal) => ({
      status: 200,
      body: {
        url: portal.origin,
        domain: portal.state.portal.domain,
        memberId: portal.state.portal.memberId,
        plan: portal.state.portal.plan,
        deals: portal.state.deals.size,
        users: portal.state.users.size,
        deleted: portal.state.deleted,
      },
    }),
  },
  ...accessRoutes,
  ...limitsRoutes,
  ...dataRoutes,
  ...logRoutes,
];

function match(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (expected.length !== actual.length) return null;

  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

export async function routeControl(
  portal: EmulatorPortal,
  call: IncomingCall,
  response: ServerResponse,
): Promise<void> {
  const path = call.path.slice('/_emulator'.length) || '/';

  for (const route of routes) {
    const params = route.method === call.httpMethod ? match(route.path, path) : null;
    if (!params) continue;

    try {
      const answer = await route.handle(portal, call.body, params);
      return sendJson(response, answer.status, answer.body);
    } catch (error) {
      if (!(error instanceof ControlError)) throw error;
      return sendJson(response, error.status, { error: error.code, message: error.message });
    }
  }
  sendJson(response, 404, {
    error: 'not_found',
    message: `No control route ${call.httpMethod} ${path}`,
  });
}
