import { type Bitrix24Client, createBitrix24Client, type PortalPlan } from '@audiobot/bitrix24';
import type { EmulatorOptions, RunningEmulator } from '@audiobot/emulator';
import { type Config, resolveSecretKey } from '../config/index.js';
import type { WorkLogger } from '../jobs/index.js';
import { silentLogger } from '../jobs/index.js';
import { createSecretBox, type Store } from '../store/index.js';
import type { BatchSender } from '../sync/rest-command.js';
import { batchSenderOf } from './batch-sender.js';
import { storeTokenStore } from './portal-token-store.js';
import { webhookMemberId } from './webhook-member-id.js';

/** The portal this process serves, and the way to call it. */
export interface PortalConnection {
  client: Bitrix24Client;
  /** One `batch` request through the client, for the sync and the doctor. */
  send: BatchSender;
  /** Keys every stored row of this portal. */
  memberId: string;
  /** Host name, e.g. `vas-dom.bitrix24.ru` (`127.0.0.1:PORT` for the demo). */
  domain: string;
  /** The emulator's demo portal, started in-process. */
  demo: boolean;
  kind: 'webhook' | 'application' | 'demo';
  /** The running demo portal (tests drive it); null otherwise. */
  emulator: RunningEmulator | null;
  /** HTTP requests sent to the portal since the connection was made. */
  requests(): number;
  /** Stops the demo portal; a real portal needs nothing. */
  stop(): Promise<void>;
}

export interface ConnectOptions {
  logger?: WorkLogger;
  /** Options for the demo portal (tests: latency, size); default: the 490-house demo. */
  emulator?: EmulatorOptions;
  /** Overrides the client's plan (the demo runs the standard one). */
  plan?: PortalPlan;
}

export class PortalNotConnectedError extends Error {
  readonly code = 'portal_not_connected';

  constructor(message: string) {
    super(message);
    this.name = 'PortalNotConnectedError';
  }
}

/**
 * Makes the Bitrix24 client the configuration asks for: the incoming webhook, the
 * local application's stored OAuth tokens, or, with nothing configured, the demo
 * portal of the emulator started in this process.
 */
export async function connectPortal(
  config: Config,
  store: Store,
  options: ConnectOptions = {},
): Promise<PortalConnection> {
  const logger = options.logger ?? silentLogger;
  const portal = config.portal;

  if (portal.kind === 'demo') return connectDemo(options, logger);
  if (portal.kind === 'webhook') {
    const memberId = portal.memberId ?? webhookMemberId(portal.domain);
    const client = newClient({ type: 'webhook', webhookUrl: portal.webhookUrl }, options, logger);
    return connection(client, { memberId, domain: portal.domain, kind: 'webhook' });
  }

  if (!portal.memberId || !portal.portalUrl || !portal.domain) {
    throw new PortalNotConnectedError(
      'The application is not installed yet: BITRIX_MEMBER_ID and BITRIX_PORTAL_URL arrive with ' +
        'the install event',
    );
  }
  const box = createSecretBox(resolveSecretKey(config));
  const auth = {
    type: 'oauth' as const,
    portalUrl: portal.portalUrl,
    clientId: portal.application.clientId,
    clientSecret: portal.application.clientSecret,
    tokenStore: storeTokenStore(store.db, portal.memberId, box),
  };
  const client = newClient(auth, options, logger);
  return connection(client, {
    memberId: portal.memberId,
    domain: portal.domain,
    kind: 'application',
  });
}

async function connectDemo(options: ConnectOptions, logger: WorkLogger): Promise<PortalConnection> {
  // Loaded only in demo mode: a production start never needs the emulator's code.
  const { startEmulator } = await import('@audiobot/emulator');
  const emulator = await startEmulator({ houses: 490, ...options.emulator });
  logger.info(
    { category: 'portal', domain: emulator.domain, url: emulator.url },
    'demo portal started in-process: no Bitrix24 portal is configured',
  );

  const client = newClient({ type: 'webhook', webhookUrl: emulator.webhookUrl }, options, logger);
  return connection(client, {
    memberId: emulator.memberId,
    domain: new URL(emulator.url).host,
    kind: 'demo',
    emulator,
  });
}

function newClient(
  auth: Parameters<typeof createBitrix24Client>[0]['auth'],
  options: ConnectOptions,
  logger: WorkLogger,
): Bitrix24Client {
  return createBitrix24Client({ auth, plan: options.plan ?? 'standard', logger });
}

function connection(
  client: Bitrix24Client,
  portal: {
    memberId: string;
    domain: string;
    kind: PortalConnection['kind'];
    emulator?: RunningEmulator;
  },
): PortalConnection {
  const emulator = portal.emulator ?? null;

  return {
    client,
    send: batchSenderOf(client),
    memberId: portal.memberId,
    domain: portal.domain,
    demo: portal.kind === 'demo',
    kind: portal.kind,
    emulator,
    requests: () => client.getStats().requests,
    stop: async () => {
      await emulator?.stop();
    },
  };
}
