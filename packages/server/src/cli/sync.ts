import { openPortal } from '../portal/open-portal.js';
import type { SyncMode } from '../store/index.js';
import { domainRules } from '../sync/domain-rules.js';
import { runSync } from '../sync/run-sync.js';
import type { SyncSummary } from '../sync/sync-context.js';
import { createSyncRun } from '../sync/sync-runs.js';
import { terminalProgress } from '../sync/terminal-progress.js';
import { describeCliError, runCommand } from './cli-exit.js';
import { limitHeapGrowth } from './heap-growth.js';

/**
 * `npm run sync [-- --full | --incremental]`: one sync of the configured portal (the demo
 * portal when none is), with a progress bar, then a summary. Exit 1 when it fails.
 * Incremental is the default; with nothing synced before it syncs everything.
 */
async function main(): Promise<number> {
  limitHeapGrowth();
  const mode = modeOf(process.argv.slice(2));
  if (!mode) {
    process.stderr.write('Использование: npm run sync -- [--full | --incremental]\n');
    return 2;
  }

  const opened = await openPortal();
  const { connection, store } = opened;
  const progress = terminalProgress();
  try {
    const run = await createSyncRun(store.db, connection.memberId, mode);
    const domain = domainRules({
      memberId: connection.memberId,
      timeZone: opened.config.timeZone,
    });
    const summary = await runSync(
      {
        db: store.db,
        memberId: connection.memberId,
        send: connection.send,
        domain,
        logger: opened.logger.child({ category: 'sync' }),
        requests: connection.requests,
      },
      { mode, runId: Number(run.id), onProgress: (state) => progress.update(state) },
    );
    progress.done();
    process.stdout.write(summaryText(summary, connection.demo ? 'демо-портал' : connection.domain));
    return 0;
  } catch (error) {
    progress.done();
    process.stderr.write(`Синхронизация не удалась: ${describeCliError(error)}\n`);
    return 1;
  } finally {
    await opened.close();
  }
}

function modeOf(args: string[]): SyncMode | null {
  const unknown = args.filter((arg) => arg !== '--full' && arg !== '--incremental');
  if (unknown.length > 0 || (args.includes('--full') && args.includes('--incremental')))
    return null;

  return args.includes('--full') ? 'full' : 'incremental';
}

export function summaryText(summary: SyncSummary, portal: string): string {
  const mode = summary.mode === 'full' ? 'полная' : 'инкрементальная';
  return [
    `Синхронизация (${mode}) с ${portal} завершена за ${summary.seconds.toFixed(1)} с.`,
    `  Дома:        ${summary.houses} ` +
      `(записано ${summary.housesWritten}, удалено ${summary.housesDeleted})`,
    `  Сотрудники:  ${summary.employees}`,
    `  Бригады:     ${summary.brigades}`,
    `  Запросы к порталу: ${summary.requests}`,
    '',
  ].join('\n');
}

runCommand(main);
