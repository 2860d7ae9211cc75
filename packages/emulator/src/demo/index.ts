/**
 * The demo portal: a seeded, deterministic Bitrix24 portal of a cleaning company in
 * Kaluga, served by the emulator when no snapshot is given.
 */

export type { DemoPortalOptions } from './build-demo-portal.js';
export {
  buildDemoPortal,
  DEFAULT_DEMO_HOUSES,
  DEFAULT_DEMO_SEED,
  EARLIEST_NOW,
} from './build-demo-portal.js';
export type { DemoCleaningType } from './cleaning-types.js';
export { CLEANING_TYPE_TEXTS, GENERAL_CLEANING_TEXTS } from './cleaning-types.js';
export {
  DEFAULT_CATEGORY_ID,
  HOUSE_STAGES,
  HOUSES_CATEGORY_ID,
  PRIVATE_CLEANING_CATEGORY_ID,
  STAFFING_CATEGORY_ID,
} from './demo-pipelines.js';
export { BRIGADE_SIZES } from './demo-staff.js';
export { KALUGA_BOUNDS } from './house-address.js';
export { REAL_HOUSE_FIELD_CODES } from './house-fields.js';
export { PERIODICITIES } from './house-periodicity.js';
export { PROBLEM_HOUSE_SHARE } from './house-problems.js';
export { ALL_SCOPES, DEMO_DOMAIN, SETUP_GUIDE_SCOPES } from './portal-access.js';
export { PORTAL_TIME_ZONE } from './portal-time.js';
