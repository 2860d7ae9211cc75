import type { TestProject } from 'vitest/node';
import { buildWebIfStale, type RunningServer, startAudioBot } from './support/audiobot-server.js';
import { CHROMIUM_PATH, hasChromium } from './support/chromium.js';

// Starts AudioBot once for the whole browser suite. Without Chromium the suite
// skips (a fresh machine; CI installs it) instead of failing.

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Bearer token of the server's bootstrap admin; '' = use the demo sign-in. */
    adminToken: string;
    /** The server's SQLite file; '' for a server started elsewhere. */
    databasePath: string;
    skipReason: string;
  }
}

let server: RunningServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (!hasChromium()) {
    const reason = `Chromium is not installed at ${CHROMIUM_PATH}: browser tests skipped`;
    console.warn(`\n[browser] ${reason}\n`);
    project.provide('skipReason', reason);
    project.provide('baseUrl', '');
    project.provide('adminToken', '');
    project.provide('databasePath', '');
    return;
  }
  const target = await serverUnderTest();
  project.provide('skipReason', '');
  project.provide('baseUrl', target.url);
  project.provide('adminToken', target.adminToken);
  project.provide('databasePath', target.databasePath ?? '');
}

// AUDIOBOT_TEST_BASE_URL points the suite at a server that is already running
// (handy while designing pages); otherwise the real server starts here.
async function serverUnderTest(): Promise<{
  url: string;
  adminToken: string;
  databasePath?: string;
}> {
  const external = process.env.AUDIOBOT_TEST_BASE_URL;
  if (external) {
    return {
      url: external.replace(/\/+$/, ''),
      adminToken: process.env.AUDIOBOT_ADMIN_TOKEN ?? '',
      databasePath: '',
    };
  }
  buildWebIfStale();
  server = await startAudioBot();
  return server;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  server = null;
}
