import type { EmulatorPortal } from '../portal/emulator-portal.js';
import type { TokenPair } from './token-store.js';

/**
 * The `auth[...]` block a portal sends with ONAPPINSTALL and with events to an
 * application (docs: api-reference/common/events/on-app-install.md).
 */
export function applicationAuth(
  portal: EmulatorPortal,
  tokens: TokenPair,
  scopes: readonly string[],
  userId: string,
  applicationToken: string,
): Record<string, string | number> {
  return {
    access_token: tokens.accessToken,
    expires: Math.floor(portal.clock.nowSeconds()) + tokens.expiresIn,
    expires_in: tokens.expiresIn,
    scope: scopes.join(','),
    domain: portal.state.portal.domain,
    server_endpoint: portal.restEndpoint(),
    status: 'L',
    client_endpoint: portal.restEndpoint(),
    member_id: portal.state.portal.memberId,
    user_id: userId,
    refresh_token: tokens.refreshToken,
    application_token: applicationToken,
  };
}

/** ONAPPUNINSTALL carries no tokens, only the application token and the portal. */
export function uninstallAuth(
  portal: EmulatorPortal,
  applicationToken: string,
): Record<string, string> {
  return {
    domain: portal.state.portal.domain,
    client_endpoint: portal.restEndpoint(),
    server_endpoint: portal.restEndpoint(),
    member_id: portal.state.portal.memberId,
    application_token: applicationToken,
  };
}
