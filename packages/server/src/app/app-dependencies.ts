import type { FastifyInstance, RouteOptions } from 'fastify';

import type { ApiContext } from '../api/api-context.js';

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

export type AppExtension = (app: FastifyInstance, context: ApiContext) => Promise<void> | void;

export interface AppDependencies {
  config: Config;
  store: Store;
  /**
   * The portal served; null until one is connected. A function when it can change while
   * running (application mode: the install event brings it).
   */
  portal: ServedPortal | null | (() => ServedPortal | null);
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
  /**
   * More routes, registered after the API's and before the web app and the 404 handler,
   * behind the same authentication, errors and logging (sign-in, install, CRM events).
   */
  extensions?: AppExtension[];
  /** Called for every route as it is registered (tests read the route table). */
  onRoute?: (route: RouteOptions) => void;
  /** The clock for "today" and "this month"; default the real one. */
  now?: () => Date;
}
