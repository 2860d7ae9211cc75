import { randomBytes } from 'node:crypto';
import { EmulatorClock } from '../clock/emulator-clock.js';
import { EventDispatcher } from '../events/event-dispatcher.js';
import { FaultInjector } from '../faults/fault-injector.js';
import { LeakyBucket, planBuckets } from '../limits/leaky-bucket.js';
import { defaultBudgetSettings, OperatingBudget } from '../limits/operating-budget.js';
import { createLogger, type EmulatorLogger, type LogSink } from '../log/emulator-logger.js';
import { RequestLog } from '../log/request-log.js';
import { TokenStore } from '../oauth/token-store.js';
import type {
  PortalSnapshot,
  SnapshotApplication,
  SnapshotWebhook,
} from '../snapshot/snapshot-format.js';
import { ListRowCache } from '../state/list-row-cache.js';
import { PortalState } from '../state/portal-state.js';
import { eventAuthFor } from './event-auth.js';

export interface PortalOptions {
  snapshot: PortalSnapshot;
  /** Start of the emulator clock; default: the snapshot's `portal.now`. */
  now?: Date;
  plan?: 'standard' | 'enterprise';
  latencyMs?: number;
  /** Where the emulator's JSON log lines go; null: nowhere. */
  logSink?: LogSink | null;
}

interface PermanentCredentials {
  webhooks: SnapshotWebhook[];
  applications: SnapshotApplication[];
}

/**
 * One emulated portal: its data, clock, limits, tokens, events, faults and request
 * log. The HTTP layer calls into it; tests hold it as `RunningEmulator.portal`.
 */
export class EmulatorPortal {
  state: PortalState;
  readonly clock: EmulatorClock;
  readonly logger: EmulatorLogger;
  readonly requests = new RequestLog();
  readonly faults: FaultInjector;
  readonly bucket: LeakyBucket;
  readonly budget: OperatingBudget;
  readonly tokens: TokenStore;
  readonly events: EventDispatcher;
  /** Listed rows as already answered, reused until a row is written. */
  readonly listRows = new ListRowCache();
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  origin = '';

  /** The snapshot the emulator started with; `reset()` goes back to it. */
  private readonly initialSnapshot: PortalSnapshot;
  private readonly plan: 'standard' | 'enterprise';
  /** Credentials handed out at start (admin webhook, application): they survive resets. */
  private readonly permanent: PermanentCredentials = { webhooks: [], applications: [] };

  constructor(options: PortalOptions) {
    this.initialSnapshot = options.snapshot;
    this.state = new PortalState(this.initialSnapshot);
    this.clock = new EmulatorClock(options.now ?? new Date(options.snapshot.portal.now));
    this.logger = createLogger(options.logSink ?? null);

    const nowMs = () => this.clock.nowMs();
    this.plan = options.plan ?? options.snapshot.portal.plan;
    this.state.portal.plan = this.plan;
    this.bucket = new LeakyBucket({ ...planBuckets[this.plan] }, nowMs);
    this.budget = new OperatingBudget(defaultBudgetSettings(), nowMs);
    this.faults = new FaultInjector(options.latencyMs ?? 0);
    this.tokens = new TokenStore(nowMs, (secret) => this.logger.addSecret(secret));
    this.events = new EventDispatcher(
      {
        bindings: () => this.state.eventBindings.values(),
        authFor: (binding) => eventAuthFor(this, binding),
        nowSeconds: () => this.clock.nowSeconds(),
      },
      this.logger,
    );
    this.registerSecrets();
  }

  /** The REST endpoint of the portal, `client_endpoint` in OAuth answers. */
  restEndpoint(): string {
    return `${this.origin}/rest/`;
  }

  webhookUrl(userId: string, code: string): string {
    return `${this.origin}/rest/${userId}/${code}/`;
  }

  /**
   * Replaces the portal's data; runtime records (tasks, events, tokens) start empty.
   * The snapshot's rows are never changed: writes replace rows in the tables. A
   * snapshot parsed from JSON should go through `compactSnapshot` first.
   */
  loadSnapshot(snapshot: PortalSnapshot): void {
    const state = new PortalState(snapshot);
    state.portal.plan = this.state.portal.plan;
    this.state = state;
    // Cached rows stay right across a reset (its rows are the same objects) but would
    // only take room once another snapshot's rows are served; a fresh start is simplest.
    this.listRows.clear();
    this.tokens.reset();
    this.restorePermanent();
    this.registerSecrets();
  }

  /** Keeps a webhook or application across `reset()` and `loadSnapshot()`. */
  makePermanent(credential: {
    webhook?: SnapshotWebhook;
    application?: SnapshotApplication;
  }): void {
    if (credential.webhook) this.permanent.webhooks.push(credential.webhook);
    if (credential.application) this.permanent.applications.push(credential.application);
    this.restorePermanent();
  }

  private restorePermanent(): void {
    for (const webhook of this.permanent.webhooks)
      this.state.webhooks.set(webhook.code, { ...webhook });
    for (const application of this.permanent.applications) {
      this.state.applications.set(application.clientId, { ...application });
    }
  }

  /**
   * Back to the start: the snapshot the emulator started with (a snapshot loaded since
   * is dropped), the clock at its start and running, the plan's limits with nothing
   * used, no faults, empty logs.
   */
  reset(): void {
    this.loadSnapshot(this.initialSnapshot);
    this.state.portal.plan = this.plan;
    this.clock.reset();
    this.requests.reset();
    this.events.clear();
    this.bucket.settings = { ...planBuckets[this.plan] };
    this.bucket.reset();
    this.budget.settings = defaultBudgetSettings();
    this.budget.reset();
    this.faults.clear();
  }

  newSecret(bytes = 16): string {
    const secret = randomBytes(bytes).toString('hex');
    this.logger.addSecret(secret);
    return secret;
  }

  private registerSecrets(): void {
    for (const webhook of this.state.webhooks.values()) this.logger.addSecret(webhook.code);
    for (const application of this.state.applications.values()) {
      this.logger.addSecret(application.clientSecret);
    }
  }
}
