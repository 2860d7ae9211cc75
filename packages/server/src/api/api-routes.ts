import { outboxRetryRoute, outboxRoute } from '../outbox/index.js';
import { actSignRoute } from './acts/act-sign-route.js';
import { actUnsignRoute } from './acts/act-unsign-route.js';
import { actsExportRoute } from './acts/acts-export-route.js';
import { actsListRoute } from './acts/acts-list-route.js';
import type { ApiApp, ApiContext, RouteRegistrar } from './api-context.js';
import { demoSignInRoute } from './auth/demo-sign-in-route.js';
import { logoutRoute } from './auth/logout-route.js';
import { meRoute } from './auth/me-route.js';
import { filtersRoute } from './cleaning/filters-route.js';
import { houseDetailRoute } from './cleaning/house-detail-route.js';
import { housesExportRoute } from './cleaning/houses-export-route.js';
import { housesListRoute } from './cleaning/houses-list-route.js';
import { mapRoute } from './cleaning/map-route.js';
import { scheduleRoute } from './cleaning/schedule-route.js';
import { brigadeDayRoute } from './completions/brigade-day-route.js';
import { complaintCheckRoute } from './completions/complaint-check-route.js';
import { completionCorrectionRoute } from './completions/completion-correction-route.js';
import { completionCreateRoute } from './completions/completion-create-route.js';
import { completionPhotoRoute } from './completions/completion-photo-route.js';
import { mappingRoute } from './connection/mapping-route.js';
import { departmentsRoute } from './dashboard/departments-route.js';
import { employeesRoute } from './dashboard/employees-route.js';
import { statisticsRoute } from './dashboard/statistics-route.js';
import { workloadRoute } from './dashboard/workload-route.js';
import { dispatchSendRoute } from './dispatch/dispatch-send-route.js';
import { dispatchStateRoute } from './dispatch/dispatch-state-route.js';
import { healthRoute } from './health/health-route.js';
import { kpiRoute } from './kpi/kpi-route.js';
import { syncRunsRoute } from './sync/sync-runs-route.js';
import { syncStartRoute } from './sync/sync-start-route.js';
import { apiTokenCreateRoute } from './tokens/api-token-create-route.js';
import { apiTokenRevokeRoute } from './tokens/api-token-revoke-route.js';
import { apiTokensListRoute } from './tokens/api-tokens-list-route.js';

/** Every API route, by area. A route not listed here does not exist. */
const routes: RouteRegistrar[] = [
  meRoute,
  logoutRoute,
  demoSignInRoute,
  healthRoute,
  housesListRoute,
  housesExportRoute,
  houseDetailRoute,
  filtersRoute,
  scheduleRoute,
  mapRoute,
  employeesRoute,
  departmentsRoute,
  statisticsRoute,
  workloadRoute,
  mappingRoute,
  syncStartRoute,
  syncRunsRoute,
  outboxRoute,
  outboxRetryRoute,
  dispatchStateRoute,
  dispatchSendRoute,
  brigadeDayRoute,
  completionCreateRoute,
  completionCorrectionRoute,
  completionPhotoRoute,
  complaintCheckRoute,
  actsListRoute,
  actsExportRoute,
  actSignRoute,
  actUnsignRoute,
  kpiRoute,
  apiTokensListRoute,
  apiTokenCreateRoute,
  apiTokenRevokeRoute,
];

export function registerApiRoutes(app: ApiApp, context: ApiContext): void {
  for (const register of routes) register(app, context);
}
