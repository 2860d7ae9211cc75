import type { IncomingMessage, ServerResponse } from 'node:http';

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { Kysely } from 'kysely';

import type { ServedPortal } from '../app/app-dependencies.js';
import type { Config } from '../config/index.js';
import type { DoctorReport } from '../doctor/doctor-report.js';
import type { ReadCache } from '../http/read-cache.js';
import type { JobQueue } from '../jobs/index.js';
import type { SecretRedactor } from '../logging/secret-redactor.js';
import type { Database, StoreDialect } from '../store/index.js';

/** The Fastify instance routes are registered on: TypeBox schemas give the types. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every route may use. Reads use only `db`: no route calls the portal. */
export interface ApiContext {
  config: Config;
  db: Kysely<Database>;
  dialect: StoreDialect;
  queue: JobQueue;
  redactor: SecretRedactor;
  /** The portal served now; null until one is connected (it may arrive with an install). */
  portal(): ServedPortal | null;
  /** The served portal's member_id; throws `portal_not_connected` while there is none. */
  memberId(): string;
  /** The company's local date today, YYYY-MM-DD. */
  today(): string;
  version: string;
  /** Answers of read routes; `invalidate()` after writing to the store outside a sync. */
  readCache: ReadCache;
  /** Runs the doctor against the portal (admins' health details); it calls the portal. */
  runDoctor(): Promise<DoctorReport>;
}

export type RouteRegistrar = (app: ApiApp, context: ApiContext) => void;
