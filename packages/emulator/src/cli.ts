/**
 * `npm run emulator -- --port 7410 --houses 490 --seed 1 --snapshot FILE --plan standard`
 *
 * Starts the emulator and prints, among its first lines, the admin webhook, the local
 * application's client_id and client_secret and the control URL. These are printed
 * for the person who started it; the emulator's own log (stderr) never holds them.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { PortalSnapshot } from './snapshot/snapshot-format.js';
import { type EmulatorOptions, startEmulator } from './start-emulator.js';
import { compactSnapshot } from './state/snapshot-compaction.js';

const usage = `Usage: npm run emulator -- [--port 7410] [--host 127.0.0.1] [--houses 490] [--seed 1]
       [--snapshot FILE] [--plan standard|enterprise] [--latency MS] [--quiet]`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`--${name} must be a whole number, got "${value}"`);
  return number;
}

async function readOptions(): Promise<EmulatorOptions> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      houses: { type: 'string' },
      seed: { type: 'string' },
      snapshot: { type: 'string' },
      plan: { type: 'string' },
      latency: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }

  const plan = values.plan;
  if (plan !== undefined && plan !== 'standard' && plan !== 'enterprise') {
    throw new Error(`--plan must be standard or enterprise, got "${plan}"`);
  }
  // A parsed snapshot holds every date string once per deal: compacting halves it.
  const snapshot = values.snapshot
    ? compactSnapshot(JSON.parse(await readFile(values.snapshot, 'utf8')) as PortalSnapshot)
    : undefined;

  return {
    port: numberOption(values.port, 'port') ?? 7410,
    host: values.host ?? '127.0.0.1',
    houses: numberOption(values.houses, 'houses'),
    seed: numberOption(values.seed, 'seed'),
    snapshot,
    plan,
    latencyMs: numberOption(values.latency, 'latency'),
    log: values.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  };
}

async function main(): Promise<void> {
  const emulator = await startEmulator(await readOptions());

  console.log(`Bitrix24 portal emulator: ${emulator.url} (${emulator.domain})`);
  console.log(`webhook: ${emulator.webhookUrl}`);
  console.log(`client_id: ${emulator.application.clientId}`);
  console.log(`client_secret: ${emulator.application.clientSecret}`);
  console.log(`member_id: ${emulator.memberId}`);
  console.log(`control: ${emulator.controlUrl}`);
  console.log(
    `deals: ${emulator.portal.state.deals.size}, users: ${emulator.portal.state.users.size}`,
  );

  const stop = async (signal: string) => {
    console.log(`${signal}: stopping the emulator`);
    await emulator.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(usage);
  process.exit(1);
});
