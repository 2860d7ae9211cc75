import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The real AudioBot server with the built-in demo portal, on a free port and a
// throwaway SQLite file, as `npm start` runs it on a fresh machine.

export const REPO_ROOT = resolve(import.meta.dirname, '../../../../..');
const START_SCRIPT = join(REPO_ROOT, 'packages/server/src/cli/start.ts');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

export interface RunningServer {
  url: string;
  /** The bootstrap admin token the server was started with. */
  adminToken: string;
  /** Its SQLite file: a test signs a portal user in by writing a session there. */
  databasePath?: string;
  stop(): Promise<void>;
}

/** Builds the web app when it is missing or older than its sources: never test old assets. */
export function buildWebIfStale(): void {
  execFileSync('npm', ['run', 'build:stale', '-w', '@audiobot/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

export async function startAudioBot(): Promise<RunningServer> {
  if (!existsSync(START_SCRIPT)) throw new Error(`AudioBot server entry missing: ${START_SCRIPT}`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'audiobot-browser-'));
  const adminToken = randomBytes(24).toString('hex');
  const child = spawn(TSX, [START_SCRIPT], {
    cwd: REPO_ROOT,
    env: serverEnv(port, dataDir, adminToken),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const url = `http://127.0.0.1:${port}`;

  try {
    await waitForFirstSync(url, child, output);
  } catch (failure) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw failure;
  }
  return {
    url,
    adminToken,
    databasePath: join(dataDir, 'audiobot.sqlite'),
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function serverEnv(port: number, dataDir: string, adminToken: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dataDir, 'audiobot.sqlite')}`,
    AUDIOBOT_SECRET_KEY: 'browser-tests-secret-key-0123456789abcdef',
    AUDIOBOT_ADMIN_TOKEN: adminToken,
    AUDIOBOT_SYNC_FULL_AT: 'off',
    LOG_LEVEL: 'warn',
  };
  // Demo mode is the absence of a portal: a developer's own settings must not leak in.
  for (const name of ['BITRIX_WEBHOOK_URL', 'BITRIX_PORTAL_URL', 'BITRIX_MEMBER_ID'])
    delete env[name];
  return env;
}

function collectOutput(child: ChildProcess): string[] {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString());
    if (lines.length > 200) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return lines;
}

interface HealthAnswer {
  lastSync: { status: string } | null;
}

async function waitForFirstSync(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 180_000;

  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`AudioBot exited with ${child.exitCode}:\n${output.join('')}`);
    }
    const health = await fetchHealth(url);
    if (health?.lastSync?.status === 'succeeded') return;
    if (health?.lastSync?.status === 'failed') {
      throw new Error(`The first sync failed:\n${output.join('')}`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`AudioBot did not finish its first sync in 180 s:\n${output.join('')}`);
}

async function fetchHealth(url: string): Promise<HealthAnswer | null> {
  try {
    const response = await fetch(`${url}/api/health`);
    return response.ok ? ((await response.json()) as HealthAnswer) : null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
