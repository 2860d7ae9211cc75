import { parseArgs } from 'node:util';
import { type DayDispatchRun, runDayDispatch } from '../dispatch/index.js';
import {
  type OutboxEntry,
  OutboxWorker,
  outboxOperations,
  taskUpsertKind,
} from '../outbox/index.js';
import { type OpenedPortal, openPortal } from '../portal/open-portal.js';
import { domainRules } from '../sync/domain-rules.js';
import { runSync } from '../sync/run-sync.js';
import { createSyncRun } from '../sync/sync-runs.js';
import { describeCliError, runCommand } from './cli-exit.js';
import { limitHeapGrowth } from './heap-growth.js';

/**
 * `npm run dispatch -- --date YYYY-MM-DD [--wait SECONDS]`: sends that date's plans to the
 * portal as tasks (one per brigade or per house, `AUDIOBOT_DISPATCH_TASKS`; a rerun
 * updates them) and its cleanings as calendar events (`AUDIOBOT_CALENDAR`), waits up to
 * `--wait` seconds (default 120) for retries, then prints what each brigade got. Exit 1
 * unless every write reached the portal; the ones left pending stay in the outbox.
 */
async function main(): Promise<number> {
  limitHeapGrowth();
  const args = parseDispatchArgs(process.argv.slice(2));
  if ('problem' in args) {
    process.stderr.write(`${args.problem}\nИспользование: ${usage}\n`);
    return 2;
  }

  const opened = await openPortal();
  try {
    if (!(await ensureHouses(opened))) return 1;

    const run = await dispatch(opened, args);
    process.stdout.write(dispatchSummaryText(run, portalName(opened)));
    return run.entries.every((entry) => entry.status === 'done') &&
      run.plans.every((plan) => plan.skipped === null)
      ? 0
      : 1;
  } catch (error) {
    process.stderr.write(`Отправка планов не удалась: ${describeCliError(error)}\n`);
    return 1;
  } finally {
    await opened.close();
  }
}

const usage = 'npm run dispatch -- --date YYYY-MM-DD [--wait SECONDS]';

export function parseDispatchArgs(
  args: string[],
): { date: string; waitSeconds: number } | { problem: string } {
  let values: { date?: string; wait?: string };
  try {
    values = parseArgs({
      args,
      options: { date: { type: 'string' }, wait: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }

  const waitSeconds = values.wait === undefined ? 120 : Number(values.wait);
  if (!values.date || !isRealDate(values.date)) return { problem: 'Нужна дата: --date YYYY-MM-DD' };
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0)
    return { problem: '--wait: число секунд, 0 или больше' };
  return { date: values.date, waitSeconds };
}

function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/** The demo portal starts empty in every process: it is synced first. A real one must be. */
async function ensureHouses(opened: OpenedPortal): Promise<boolean> {
  const { store, connection } = opened;
  const house = await store.db
    .selectFrom('houses')
    .select('id')
    .where('memberId', '=', connection.memberId)
    .limit(1)
    .executeTakeFirst();
  if (house && !connection.demo) return true;
  if (!connection.demo) {
    process.stderr.write('В хранилище нет домов этого портала: сначала npm run sync\n');
    return false;
  }

  const run = await createSyncRun(store.db, connection.memberId, 'full');
  await runSync(
    {
      db: store.db,
      memberId: connection.memberId,
      send: connection.send,
      domain: domainRules({ memberId: connection.memberId, timeZone: opened.config.timeZone }),
      logger: opened.logger.child({ category: 'sync' }),
      requests: connection.requests,
    },
    { mode: 'full', runId: Number(run.id) },
  );
  return true;
}

async function dispatch(
  opened: OpenedPortal,
  args: { date: string; waitSeconds: number },
): Promise<DayDispatchRun> {
  const { store, connection, config } = opened;
  const worker = new OutboxWorker({
    db: store.db,
    portal: connection.client,
    memberId: connection.memberId,
    operations: outboxOperations,
    logger: opened.logger.child({ category: 'outbox' }),
    leaseMs: config.outbox.leaseSeconds * 1000,
  });
  // Ctrl-C ends the attempt under way as a failed one: its entry is free for the next run
  // at once, instead of waiting out the lease as after a crash.
  const interrupt = () => void worker.stop();
  process.once('SIGINT', interrupt);
  try {
    return await runDayDispatch(store.db, worker, {
      memberId: connection.memberId,
      date: args.date,
      timeZone: config.timeZone,
      tasks: config.dispatch.tasks,
      calendar: config.dispatch.calendar,
      timeoutMs: args.waitSeconds * 1000,
    });
  } finally {
    process.off('SIGINT', interrupt);
    await worker.stop();
  }
}

/** One line per brigade, the calendar's line, then the totals. */
export function dispatchSummaryText(run: DayDispatchRun, portal: string): string {
  const entries = new Map(run.entries.map((entry) => [entry.id, entry]));
  const width = Math.max(10, ...run.plans.map((plan) => plan.brigadeName.length));
  const lines = run.plans.map((plan) => {
    const name = plan.brigadeName.padEnd(width);
    const houses = `${String(plan.houses).padStart(3)} дом.`;
    if (plan.skipped === 'no_leader') return `  ${name} ${houses}  не отправлен: нет бригадира`;

    const own = plan.outboxIds.map((id) => entries.get(id));
    const text = own.length === 1 ? entryText(own[0]) : tasksText(own);
    return `  ${name} ${houses}  ${text}`;
  });

  const tasks = run.entries.filter((entry) => entry.kind === taskUpsertKind);
  const done = tasks.filter((entry) => entry.status === 'done').length;
  const failed = run.entries.filter((entry) => entry.status === 'failed').length;
  const waiting = run.entries.filter((entry) => isOpen(entry)).length;
  return [
    `Планы бригад на ${run.date} (${portal}):`,
    ...(lines.length > 0 ? lines : ['  на эту дату уборок нет']),
    ...calendarLines(run),
    `Итого: задач ${done}, ожидают повтора ${waiting}, с ошибкой ${failed}.`,
    '',
  ].join('\n');
}

function isOpen(entry: OutboxEntry): boolean {
  return entry.status === 'pending' || entry.status === 'running';
}

function entryText(entry: OutboxEntry | undefined): string {
  if (!entry) return 'нет записи в очереди';
  const taskId = (entry.result as { taskId?: number } | null)?.taskId;
  const via = (entry.result as { via?: string } | null)?.via;
  if (entry.status === 'done')
    return `задача #${taskId} (${via === 'added' ? 'новая' : 'обновлена'})`;

  const reason = entry.lastError ? `${entry.lastError.code}: ${entry.lastError.message}` : '';
  if (entry.status === 'failed') return `ошибка (${reason})`;
  return `ожидает повтора, попыток ${entry.attempts}${reason ? ` (${reason})` : ''}`;
}

/** One task per house: how many, new or updated, and what still waits. */
function tasksText(entries: Array<OutboxEntry | undefined>): string {
  const done = entries.filter((entry) => entry?.status === 'done');
  const added = done.filter((entry) => (entry?.result as { via?: string } | null)?.via === 'added');
  const waiting = entries.filter((entry) => entry && isOpen(entry)).length;
  const failed = entries.filter((entry) => entry?.status === 'failed').length;
  const parts = [`задач ${done.length} (новых ${added.length})`];
  if (waiting > 0) parts.push(`ожидают повтора ${waiting}`);
  if (failed > 0) parts.push(`с ошибкой ${failed}`);
  return parts.join(', ');
}

function calendarLines(run: DayDispatchRun): string[] {
  const calendar = run.calendar;
  if (!calendar) return [];
  const skipped = calendar.skipped > 0 ? `, без календаря (нет бригадира) ${calendar.skipped}` : '';
  return [
    `Календарь: событий добавлено или изменено ${calendar.upserted}, удалено ` +
      `${calendar.removed}, без изменений ${calendar.unchanged}${skipped}.`,
  ];
}

function portalName(opened: OpenedPortal): string {
  return opened.connection.demo ? 'демо-портал' : opened.connection.domain;
}

// Run only as a command, so tests can import the argument and summary functions.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  runCommand(main);
}
