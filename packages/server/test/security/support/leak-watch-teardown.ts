import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TestProject } from 'vitest/node';

import type { LeakReport } from './leak-report.js';
import { describeLeaks } from './leak-scan.js';

/**
 * The server project's `globalSetup`: makes the folder the test files' watches report
 * into and, after the last test file, reads every report and fails the run listing
 * each leak, the secret named by its kind, never shown.
 */
export default async function leakWatchSetup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'audiobot-leak-watch-'));
  project.provide('leakReportFolder', folder);

  return async () => {
    const reports = await readReports(folder);
    await rm(folder, { recursive: true, force: true });
    console.info(summaryOf(reports));
    const leaking = reports.filter((report) => report.leaks.length > 0);
    if (leaking.length === 0) return;

    const listing = leaking.map((report) => `${report.testFile}:\n${describeLeaks(report.leaks)}`);
    throw new Error(`Secrets leaked in ${leaking.length} test files:\n${listing.join('\n')}`);
  };
}

async function readReports(folder: string): Promise<LeakReport[]> {
  const names = await readdir(folder);
  const texts = await Promise.all(names.map((name) => readFile(path.join(folder, name), 'utf8')));
  return texts.map((text) => JSON.parse(text) as LeakReport);
}

function summaryOf(reports: readonly LeakReport[]): string {
  const sum = (count: (report: LeakReport) => number) =>
    reports.reduce((total, report) => total + count(report), 0);
  return (
    `Leak watch: ${reports.length} test files, ${sum((r) => r.secrets)} secrets, ` +
    `${sum((r) => r.texts)} log lines and answers searched ` +
    `(${sum((r) => r.streamedAnswers)} streamed answers not read), ` +
    `${sum((r) => r.leaks.length)} leaks`
  );
}
