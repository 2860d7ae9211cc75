import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { smallPortal } from '../fixtures/small-portal.js';

// Issue 2 item 1: `npm run emulator -- --port --snapshot --plan` prints the webhook and
// the application's credentials among its first lines and stops cleanly on a signal.
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

function startCli(args: string[]): { child: ChildProcess; lines: Promise<string[]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines = new Promise<string[]>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('control: ')) resolve(output.split('\n'));
    });
    child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
  });
  // A test that expects the CLI to fail never awaits the lines.
  lines.catch(() => undefined);
  return { child, lines };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('emulator CLI', () => {
  let running: ChildProcess | null = null;
  afterEach(() => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
  });

  it('prints webhook, client id and secret, control URL; stops on SIGTERM', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'emulator-cli-'));
    const snapshotFile = join(folder, 'portal.json');
    await writeFile(snapshotFile, JSON.stringify(smallPortal()));

    const { child, lines } = startCli([
      '--port',
      '0',
      '--snapshot',
      snapshotFile,
      '--plan',
      'enterprise',
      '--quiet',
    ]);
    running = child;
    const first = (await lines).slice(0, 8);

    const webhook =
      first.find((line) => line.startsWith('webhook: '))?.slice('webhook: '.length) ?? '';
    expect(webhook).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rest\/1\/\w+\/$/);
    expect(first).toContain('client_id: local.6537665f598492.98090704');
    expect(first.some((line) => line.startsWith('client_secret: '))).toBe(true);
    expect(first.some((line) => /^control: http:\/\/127\.0\.0\.1:\d+\/_emulator$/.test(line))).toBe(
      true,
    );

    const info = (await (await fetch(`${webhook}app.info`)).json()) as {
      result: { LICENSE_FAMILY: string };
    };
    expect(info.result.LICENSE_FAMILY).toBe('ent');

    const exit = exited(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a wrong plan with a message and exit code 1', async () => {
    const { child } = startCli(['--plan', 'gold']);
    running = child;
    expect(await exited(child)).toBe(1);
  });
});
