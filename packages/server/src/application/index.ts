export { applicationBatchSender } from './application-batch-sender.js';
export { applicationCheck } from './application-check.js';
export { type ApplicationRoutesOptions, applicationRoutes } from './application-routes.js';
export {
  type ApplicationServices,
  type ApplicationServicesOptions,
  createApplicationServices,
  type InstalledListener,
} from './application-services.js';
export { type ApplicationStateCode, ApplicationStateError } from './application-state-error.js';
export { portalOfApplicationToken } from './application-token.js';
export { CRM_EVENTS, type EventBindingResult } from './event-binding.js';
export { type InstallGrant, installGrantOf } from './install-grant.js';
export { createPortalClients, type PortalClients, portalOrigin } from './portal-clients.js';
export { type InstallOutcome, installPortal } from './portal-install.js';
export { uninstallPortal } from './portal-uninstall.js';
export { type RefreshFailure, RefreshFailures } from './refresh-failures.js';
export { tokenClient } from './token-client.js';
