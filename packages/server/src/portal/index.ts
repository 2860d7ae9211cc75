export { batchSenderOf } from './batch-sender.js';
export {
  type ConnectOptions,
  connectPortal,
  type PortalConnection,
  PortalNotConnectedError,
} from './connect-portal.js';
export { configProblemsOf, type OpenedPortal, openPortal } from './open-portal.js';
export { storeTokenStore } from './portal-token-store.js';
export { webhookMemberId } from './webhook-member-id.js';
