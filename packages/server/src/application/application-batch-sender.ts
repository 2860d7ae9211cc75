import { batchSenderOf } from '../portal/batch-sender.js';
import type { BatchSender } from '../sync/rest-command.js';
import type { ApplicationServices } from './application-services.js';

/**
 * The sync's way to an installed portal in application mode: every batch goes through
 * the portal's one client of `services.clients`, the same one events and the install
 * use, so one refresh serves them all and no second client spends the refresh token.
 * The client is looked up per batch: after a reinstall the next batch uses the new
 * tokens; with the tokens lost it fails at once, without a request.
 */
export function applicationBatchSender(
  services: Pick<ApplicationServices, 'clients'>,
  memberId: string,
): BatchSender {
  return async (commands, signal) => {
    const client = await services.clients.clientFor(memberId);
    return batchSenderOf(client)(commands, signal);
  };
}
