import type { PortalPlan } from '@audiobot/bitrix24';
import type { Kysely } from 'kysely';

import { type ApplicationCredentials, type Config, resolveSecretKey } from '../config/index.js';
import { apiError } from '../http/api-error.js';
import type { JobQueue, WorkLogger } from '../jobs/index.js';
import type { SecretRedactor } from '../logging/secret-redactor.js';
import { createSecretBox, type Database, type SecretBox, type Store } from '../store/index.js';
import { ApplicationStateError } from './application-state-error.js';
import { createPortalClients, type PortalClients } from './portal-clients.js';
import { RefreshFailures } from './refresh-failures.js';

/**
 * Everything the local-application mode, the CRM events and the Bitrix24 sign-in share:
 * made once per process, so that every part uses the same client (and so the same
 * token pair and the same single refresh) for a portal.
 */
export interface ApplicationServices {
  db: Kysely<Database>;
  box: SecretBox;
  queue: JobQueue;
  redactor: SecretRedactor;
  logger: WorkLogger;
  clients: PortalClients;
  failures: RefreshFailures;
  /** What the configuration pins: BITRIX_MEMBER_ID and BITRIX_PORTAL_URL. */
  expected: { memberId: string | null; portalUrl: string | null };
  /** The local application's credentials; throws 403 when none are configured. */
  application(): ApplicationCredentials;
  /** AUDIOBOT_PUBLIC_URL: where the portal reaches us (event handlers, OAuth redirect). */
  publicUrl(): string | null;
  /** The company's IANA zone, for mapping houses from events. */
  timeZone: string;
  now(): Date;
  fetch?: typeof fetch;
  /** Told after each install; see `InstalledListener`. */
  onInstalled: InstalledListener;
}

/**
 * Called once an install is stored, so a process that had no portal serves this one
 * from now on, without a restart. Answers whether the first full sync is queued by
 * that (else the install queues it).
 */
export type InstalledListener = (portal: {
  memberId: string;
  domain: string;
}) => Promise<{ syncQueued: boolean }>;

export interface ApplicationServicesOptions {
  config: Config;
  store: Pick<Store, 'db'>;
  queue: JobQueue;
  redactor: SecretRedactor;
  logger: WorkLogger;
  /** Default: sealed with `resolveSecretKey(config)`. Pass the one the rest of the process uses. */
  box?: SecretBox;
  /** Default: AUDIOBOT_PUBLIC_URL. Tests pass the address they listen on. */
  publicUrl?: () => string | null;
  plan?: PortalPlan;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Default: nothing happens (the portal is already served, or tests drive it). */
  onInstalled?: InstalledListener;
}

export function createApplicationServices(
  options: ApplicationServicesOptions,
): ApplicationServices {
  const { config, redactor, logger } = options;
  const box = options.box ?? createSecretBox(resolveSecretKey(config));
  const failures = new RefreshFailures();
  const credentials = applicationOf(config);
  const db = options.store.db;

  const clients = credentials
    ? createPortalClients({
        db,
        box,
        application: credentials,
        failures,
        logger,
        plan: options.plan,
        fetch: options.fetch,
        onSecret: (secret) => redactor.addSecret(secret),
      })
    : noClients;

  return {
    db,
    box,
    queue: options.queue,
    redactor,
    logger,
    clients,
    failures,
    expected: expectedOf(config),
    application: () => {
      if (!credentials) throw apiError('forbidden', notConfigured);
      return credentials;
    },
    publicUrl: options.publicUrl ?? (() => config.server.publicUrl),
    timeZone: config.timeZone,
    now: options.now ?? (() => new Date()),
    fetch: options.fetch,
    onInstalled: options.onInstalled ?? (async () => ({ syncQueued: false })),
  };
}

const notConfigured =
  'No local application is configured: set BITRIX_APPLICATION_ID and BITRIX_APPLICATION_SECRET.';

const noClients: PortalClients = {
  clientFor: async (memberId) => {
    throw ApplicationStateError.notInstalled(memberId);
  },
  forget: () => {},
};

function applicationOf(config: Config): ApplicationCredentials | null {
  const portal = config.portal;
  return portal.kind === 'demo' ? null : portal.application;
}

function expectedOf(config: Config): ApplicationServices['expected'] {
  const portal = config.portal;
  if (portal.kind === 'demo') return { memberId: null, portalUrl: null };
  return { memberId: portal.memberId, portalUrl: portal.portalUrl || null };
}
