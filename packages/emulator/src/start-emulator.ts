import type { AddressInfo } from 'node:net';
import { buildDemoPortal } from './demo/index.js';
import { createEmulatorServer } from './http/http-server.js';
import type { LogSink } from './log/emulator-logger.js';
import { EmulatorPortal } from './portal/emulator-portal.js';
import { adminWebhook, localApplication } from './portal/portal-credentials.js';
import type { PortalSnapshot } from './snapshot/snapshot-format.js';

export interface EmulatorOptions {
  /** 0 = a free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Demo portal size, default 490 houses. */
  houses?: number;
  /** Demo portal seed, default 1. */
  seed?: number;
  /** Serve this portal instead of the demo generator's. */
  snapshot?: PortalSnapshot;
  plan?: 'standard' | 'enterprise';
  /** Start of the emulator clock; default: the snapshot's `portal.now` (demo: real now). */
  now?: Date;
  /** Fixed latency added to every REST call, default 0. */
  latencyMs?: number;
  /** Where the emulator's own JSON log lines go (secrets removed); default nowhere. */
  log?: LogSink;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, the portal origin. */
  url: string;
  /** Admin webhook with every scope, ends with '/'. */
  webhookUrl: string;
  memberId: string;
  domain: string;
  application: { clientId: string; clientSecret: string };
  /** `url + '/_emulator'`. */
  controlUrl: string;
  /** In-process handle for tests: state, clock, limits, events, request log. */
  portal: EmulatorPortal;
  stop(): Promise<void>;
}

function demoSnapshot(options: EmulatorOptions): PortalSnapshot {
  return buildDemoPortal({ houses: options.houses, seed: options.seed, now: options.now });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const snapshot = options.snapshot ?? demoSnapshot(options);
  const portal = new EmulatorPortal({
    snapshot,
    now: options.now,
    plan: options.plan,
    latencyMs: options.latencyMs,
    logSink: options.log ?? null,
  });
  const webhook = adminWebhook(portal);
  const application = localApplication(portal);

  const server = createEmulatorServer(portal);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  portal.origin = url;
  portal.logger.log('info', 'http', 'emulator listening', { url });

  return {
    url,
    webhookUrl: portal.webhookUrl(webhook.userId, webhook.code),
    memberId: portal.state.portal.memberId,
    domain: portal.state.portal.domain,
    application: { clientId: application.clientId, clientSecret: application.clientSecret },
    controlUrl: `${url}/_emulator`,
    portal,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
