import type { RouteOptions } from 'fastify';

import type { Config } from '../config/index.js';
import type { DoctorReport } from '../doctor/doctor-report.js';
import type { JobQueue } from '../jobs/index.js';
import type { AppLogger } from '../logging/logger.js';
import type { SecretRedactor } from '../logging/secret-redactor.js';
import type { Store } from '../store/index.js';

/** The portal the API serves: every store query is scoped to its `memberId`. */
export interface ServedPortal {
  memberId: string;
  domain: string;
  /** True when this is the emulator's demo portal started in-process. */
  demo: boolean;
}

export interface AppDependencies {
  config: Config;
  store: Store;
  /** null until a portal is connected (application mode before the install event). */
  portal: ServedPortal | null;
  queue: JobQueue;
  /** Default: a logger on standard output at the configured level. */
  logger?: AppLogger;
  /** Default: one built from `secretsOf(config)`. Pass the logger's own when giving one. */
  redactor?: SecretRedactor;
  /** Folder of the built web app; default packages/web/dist; null serves none. */
  webRoot?: string | null;
  /** The doctor for `GET /api/health?details=1`; without it the details answer 503. */
  runDoctor?: () => Promise<DoctorReport>;
  /** Keep read answers until the data changes (default true; the benchmark compares). */
  cacheReads?: boolean;
  /** Called for every route as it is registered (tests read the route table). */
  onRoute?: (route: RouteOptions) => void;
  /** The clock for "today" and "this month"; default the real one. */
  now?: () => Date;
}
