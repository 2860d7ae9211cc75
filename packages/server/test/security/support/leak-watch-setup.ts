import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, expect, inject, vi } from 'vitest';
import { reportOf } from './leak-report.js';
import { describeLeaks, findLeaksIn } from './leak-scan.js';
import { LeakWatch } from './leak-watch.js';

/**
 * Runs before every test file of the server project (vitest `setupFiles`): watches what
 * the file's tests say while they run, and fails the file when any of it holds a secret
 * the file used. What it gathered goes to the run's teardown, which searches all files'
 * texts for all files' secrets.
 */

const watch = vi.hoisted(() => ({ current: null as LeakWatch | null }));

// Every redactor the suite makes is AudioBot's real one; the wrapper only also tells the
// watch which secrets it was given and learned.
vi.mock(import('../../../src/logging/secret-redactor.js'), async (importOriginal) => {
  const original = await importOriginal();
  const createSecretRedactor: typeof original.createSecretRedactor = (secrets = []) => {
    const known = [...secrets];
    const redactor = original.createSecretRedactor(known);
    for (const secret of known) watch.current?.addSecret(secret, 'secret given to the redactor');
    return {
      ...redactor,
      addSecret: (secret) => {
        redactor.addSecret(secret);
        watch.current?.addSecret(secret, 'secret learned by the redactor');
      },
    };
  };
  return { ...original, createSecretRedactor };
});

vi.mock(import('@audiobot/emulator'), async (importOriginal) => {
  const original = await importOriginal();
  const startEmulator: typeof original.startEmulator = async (options) => {
    const emulator = await original.startEmulator(options);
    return watch.current ? watch.current.watchEmulator(emulator) : emulator;
  };
  return { ...original, startEmulator };
});

watch.current = new LeakWatch();
watch.current.start();

afterAll(async () => {
  const current = watch.current;
  if (!current) return;
  current.stop();
  watch.current = null;

  const leaks = findLeaksIn(current.secrets, current.texts);
  const testFile = path.relative(process.cwd(), expect.getState().testPath ?? '?');
  const folder = inject('leakReportFolder');
  const report = JSON.stringify(reportOf(testFile, current));
  await writeFile(path.join(folder, `${randomUUID()}.json`), report, { mode: 0o600 });
  if (leaks.length > 0) throw new Error(`Secrets leaked:\n${describeLeaks(leaks)}`);
});
