import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const START = 'packages/server/src/cli/start.ts';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startCli(env: Record<string, string>): { child: ChildProcess; output: () => Finished } {
  // Node with tsx's loader, not the tsx command: its signal relay gives the child only
  // 30 ms to acknowledge before killing it, which a loaded machine misses.
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    cwd: ROOT,
    detached: true,
    // A clean environment: no developer .env or portal leaks into the test.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  const result: Finished = { code: null, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    result.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    result.stderr += chunk.toString();
  });
  return { child, output: () => result };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid) process.kill(-child.pid, signal);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (cli/start.ts)', () => {
  it('lists every configuration problem and exits 1', async () => {
    const { child, output } = startCli({
      BITRIX_WEBHOOK_URL: 'http://vas-dom.bitrix24.ru/rest/1/abc/',
      PORT: 'eighty',
      AUDIOBOT_ADMIN_TOKEN: 'short',
    });
    const code = await exited(child);

    expect(code).toBe(1);
    expect(output().stderr).toContain('PORT');
    expect(output().stderr).toContain('AUDIOBOT_ADMIN_TOKEN');
    expect(output().stderr).toContain('BITRIX_WEBHOOK_URL');
  }, 30_000);

  it('starts the demo, prints its URL, answers, and stops on SIGTERM', async () => {
    const { child, output } = startCli({
      DATABASE_URL: ':memory:',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    const exit = exited(child);
    try {
      await waitFor(() => output().stdout.includes('AudioBot работает'), 40_000);

      const url = /AudioBot работает: (\S+)/.exec(output().stdout)?.[1] ?? '';
      const health = await (await fetch(`${url}/api/health`)).json();
      signalGroup(child, 'SIGTERM');

      expect(output().stdout).toContain('демо-портал');
      expect(health).toMatchObject({ demo: true });
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) signalGroup(child, 'SIGKILL');
    }
  }, 60_000);
});
