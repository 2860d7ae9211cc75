import type { ApplicationServices } from '../application/index.js';
import type { Config } from '../config/index.js';
import type { InProcessQueue } from '../jobs/index.js';
import { type AppLogger, categoryLogger } from '../logging/logger.js';
import type { OutboxOperation } from '../outbox/index.js';
import type { PortalConnection } from '../portal/connect-portal.js';
import type { Store } from '../store/index.js';
import { type BackgroundSync, startBackgroundSync } from '../sync/index.js';
import type { ServedPortal } from './app-dependencies.js';
import { type BackgroundDispatch, startBackgroundDispatch } from './background-dispatch.js';
import { sharedClientConnection } from './bitrix24-extension.js';
import { installedConnection } from './installed-connection.js';

/**
 * The portal this process serves and the background work that goes with it (syncs on
 * their schedule, the outbox and the daily dispatch). Set at start, or later by the
 * first install when AudioBot started in application mode with no portal yet: the API
 * reads `portal()` at every request, so it serves the new portal from the next one on.
 */
export class ServedConnection {
  connection: PortalConnection | null = null;
  /** Set right after the services are made (they take `serveInstall` as a listener). */
  services: ApplicationServices | null = null;
  #background: BackgroundSync | null = null;
  #dispatch: BackgroundDispatch | null = null;
  #starting: Promise<{ syncQueued: boolean }> | null = null;

  constructor(
    private readonly parts: {
      config: Config;
      store: Store;
      queue: InProcessQueue;
      logger: AppLogger;
      /** Outbox writes of other areas the served portal's worker runs too (house edit). */
      operations?: readonly OutboxOperation[];
    },
  ) {}

  /** The outbox worker and daily dispatch of the served portal; null while none. */
  get dispatch(): BackgroundDispatch | null {
    return this.#dispatch;
  }

  portal(): ServedPortal | null {
    const connection = this.connection;
    if (!connection) return null;
    return { memberId: connection.memberId, domain: connection.domain, demo: connection.demo };
  }

  /** Starts the portal's background work; true when that queued its first full sync. */
  async serve(connection: PortalConnection): Promise<boolean> {
    const { config, store, queue, logger } = this.parts;
    const services = this.#services();
    this.connection = connection;

    this.#background = await startBackgroundSync({
      config,
      db: store.db,
      queue,
      connection: sharedClientConnection(connection, services),
      logger: categoryLogger(logger, 'sync'),
    });
    this.#dispatch = startBackgroundDispatch({
      config,
      store,
      queue,
      connection,
      bitrix24: services,
      logger: categoryLogger(logger, 'dispatch'),
      operations: this.parts.operations ?? [],
    });
    return this.#background.initialRun !== null;
  }

  /**
   * The install listener: the first install serves its portal. A reinstall, or an
   * install on another portal while one is served, changes nothing here (the install
   * itself replaced the tokens and queues the sync).
   */
  serveInstall(portal: { memberId: string; domain: string }): Promise<{ syncQueued: boolean }> {
    if (this.connection || this.#starting) return Promise.resolve({ syncQueued: false });

    this.#starting = (async () => {
      const connection = await installedConnection(this.#services(), portal);
      const syncQueued = await this.serve(connection);
      categoryLogger(this.parts.logger, 'start').info(
        { memberId: portal.memberId, domain: portal.domain },
        'serving the newly installed portal',
      );
      return { syncQueued };
    })().finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  async stop(): Promise<void> {
    this.#background?.stop();
    await this.#dispatch?.stop();
  }

  #services(): ApplicationServices {
    if (!this.services) throw new Error('ServedConnection.services is not set');
    return this.services;
  }
}
