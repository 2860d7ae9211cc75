import { applicationAuth } from '../oauth/install-payload.js';
import type { EventBindingRecord } from '../state/runtime-records.js';
import type { EmulatorPortal } from './emulator-portal.js';

/**
 * The `auth[...]` block of an event call. A handler bound by an application gets a
 * fresh token pair of the binding user; an outgoing webhook gets no tokens, only the
 * portal's address and its own application_token (docs: api-reference/events/index.md,
 * local-integrations/local-webhooks.md).
 */
export function eventAuthFor(
  portal: EmulatorPortal,
  binding: EventBindingRecord,
): Record<string, string | number> | null {
  const { state } = portal;
  const base = {
    domain: state.portal.domain,
    client_endpoint: portal.restEndpoint(),
    server_endpoint: portal.restEndpoint(),
    member_id: state.portal.memberId,
  };
  if (binding.clientId === null) return { ...base, application_token: binding.applicationToken };

  const installation = state.installations.get(binding.clientId);
  const application = state.applications.get(binding.clientId);
  if (!installation || !application) return null;

  const tokens = portal.tokens.issuePair({
    clientId: application.clientId,
    userId: binding.userId,
    scopes: application.scopes,
  });
  return applicationAuth(
    portal,
    tokens,
    application.scopes,
    binding.userId,
    installation.applicationToken,
  );
}
