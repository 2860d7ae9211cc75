import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { routeControl } from '../control/control-router.js';
import { routeOAuth } from '../oauth/oauth-routes.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { routeRest } from '../transport/rest-route.js';
import { sendJson } from './http-answer.js';
import { readIncomingCall } from './incoming-request.js';

/**
 * The emulator's HTTP server: Bitrix24's surface (`/rest/`, `/oauth/`) and the
 * emulator's own control API (`/_emulator/`) on one origin.
 */
async function route(portal: EmulatorPortal, request: IncomingMessage, response: ServerResponse) {
  const call = await readIncomingCall(request);
  const path = call.path.replace(/\/{2,}/g, '/');
  const normalised = { ...call, path };

  if (path.startsWith('/rest/') || path === '/rest')
    return routeRest(portal, normalised, request, response);

  if (path.startsWith('/oauth/')) await routeOAuth(portal, normalised, response);
  else if (path.startsWith('/_emulator')) await routeControl(portal, normalised, response);
  else sendJson(response, 404, { error: 'NOT_FOUND', error_description: 'Not found' });

  // The query may carry a client secret or a code: the logger removes them.
  portal.logger.log('info', path.startsWith('/oauth/') ? 'oauth' : 'control', 'request', {
    httpMethod: call.httpMethod,
    path: request.url ?? path,
    status: response.statusCode,
  });
}

export function createEmulatorServer(portal: EmulatorPortal): Server {
  return createServer((request, response) => {
    route(portal, request, response).catch((error: unknown) => {
      portal.logger.log('error', 'http', 'request failed', {
        path: request.url ?? '',
        error: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) {
        sendJson(response, 500, {
          error: 'INTERNAL_SERVER_ERROR',
          error_description: 'Internal server error',
        });
      } else response.destroy();
    });
  });
}
