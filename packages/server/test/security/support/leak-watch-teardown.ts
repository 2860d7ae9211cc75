import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import { type LeakReport, searchReports } from './leak-report.js';
import { describeLeaks } from './leak-scan.js';

/**
 * The server project's `globalSetup`: makes the folder the test files' watches report
 * into and, after the last test file, searches what every file's AudioBot said for the
 * secrets any file used. It fails the run listing each leak, the secret named by its
 * kind, never shown; the folder (test secrets included) is removed first.
 */
export default async function leakWatchSetup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'audiobot-leak-watch-'));
  project.provide('leakReportFolder', folder);

  return async () => {
    const reports = await readReports(folder);
    await rm(folder, { recursive: true, force: true });

    const started = performance.now();
    const { secrets, texts, leaks } = searchReports(reports);
    const ms = Math.round(performance.now() - started);
    console.info(
      `Leak watch: ${reports.length} test files, ${secrets} secrets, ` +
        `${texts} log lines and answer parts searched in ${ms} ms ` +
        `(${streamed(reports)} streamed answers not read), ${leaks.length} leaks`,
    );
    if (leaks.length === 0) return;

    // Vitest prints a teardown's error but does not fail the run for it (4.1).
    process.exitCode = 1;
    throw new Error(`Secrets leaked:\n${describeLeaks(leaks)}`);
  };
}

async function readReports(folder: string): Promise<LeakReport[]> {
  const names = await readdir(folder);
  const texts = await Promise.all(names.map((name) => readFile(path.join(folder, name), 'utf8')));
  return texts.map((text) => JSON.parse(text) as LeakReport);
}

function streamed(reports: readonly LeakReport[]): number {
  return reports.reduce((total, report) => total + report.streamedAnswers, 0);
}
