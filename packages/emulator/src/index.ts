/**
 * @audiobot/emulator: a faithful Bitrix24 portal emulator. Start one with
 * `startEmulator()`; see packages/emulator/README.md.
 */

export { buildDemoPortal, type DemoPortalOptions } from './demo/index.js';
export type { DeliveryOutcome } from './events/event-delivery.js';
export type { ErrorFault, FaultSettings, LatencyDistribution } from './faults/fault-settings.js';
export type { RequestCounts, RequestLogEntry } from './log/request-log.js';
export { methodNames } from './methods/method-catalogue.js';
export { EmulatorPortal } from './portal/emulator-portal.js';
export type * from './snapshot/snapshot-format.js';
export { type EmulatorOptions, type RunningEmulator, startEmulator } from './start-emulator.js';
