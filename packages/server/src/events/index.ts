export {
  refreshEmployee,
  refreshManagementCompany,
  refreshSeniorResident,
} from './directory-refresh.js';
export { type EventCall, eventCallOf, type RecordKind } from './event-call.js';
export { type EventRoutesOptions, eventRoutes } from './event-routes.js';
export { type RefreshOutcome, refreshHouse } from './house-refresh.js';
export {
  type RecordRefreshPayload,
  recordRefreshJobName,
  registerRecordRefreshJob,
} from './record-refresh-job.js';
export { storedBrigadeStructure } from './stored-brigades.js';
export { loadHouseMapping, type StoredHouseMapping } from './stored-house-mapping.js';
