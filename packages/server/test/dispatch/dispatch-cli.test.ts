import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dispatchSummaryText, parseDispatchArgs } from '../../src/cli/dispatch.js';
import type { DayDispatchRun } from '../../src/dispatch/index.js';
import { dateInZone } from '../../src/domain/index.js';
import type { OutboxEntry } from '../../src/outbox/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../..', import.meta.url));

describe('npm run dispatch', () => {
  it('takes a real date and a wait, and names what is wrong otherwise', () => {
    expect(parseDispatchArgs(['--date', '2026-12-04'])).toEqual({
      date: '2026-12-04',
      waitSeconds: 120,
    });
    expect(parseDispatchArgs(['--date=2026-12-04', '--wait', '5'])).toEqual({
      date: '2026-12-04',
      waitSeconds: 5,
    });
    expect(parseDispatchArgs(['--date', '2026-13-04'])).toEqual({
      problem: 'Нужна дата: --date YYYY-MM-DD',
    });
    expect(parseDispatchArgs([])).toHaveProperty('problem');
    expect(parseDispatchArgs(['--date', '2026-12-04', '--full'])).toHaveProperty('problem');
  });

  it('prints one line per brigade: its task, its wait for a retry, or why it was not sent', () => {
    const entry = (id: number, fields: Partial<OutboxEntry>) => ({ id, ...fields }) as OutboxEntry;
    const task = 'bitrix24.task.upsert';
    const dispatch: DayDispatchRun = {
      date: '2026-12-04',
      tasks: 'brigade',
      plans: [
        { brigadeId: 1, brigadeName: 'Бригада 1', houses: 12, outboxIds: [10], skipped: null },
        { brigadeId: 2, brigadeName: 'Бригада 2', houses: 3, outboxIds: [11], skipped: null },
        { brigadeId: 3, brigadeName: 'Бригада 3', houses: 5, outboxIds: [], skipped: 'no_leader' },
      ],
      cancelledIds: [],
      calendar: { upserted: 20, removed: 1, unchanged: 3, skipped: 2, outboxIds: [] },
      entries: [
        entry(10, {
          kind: task,
          status: 'done',
          result: { taskId: 42, via: 'added' },
          lastError: null,
        }),
        entry(11, {
          kind: task,
          status: 'pending',
          attempts: 3,
          result: null,
          lastError: { code: 'QUERY_LIMIT_EXCEEDED', message: 'Too many requests' },
        }),
      ],
    };

    const text = dispatchSummaryText(dispatch, 'демо-портал');

    expect(text).toContain('Планы бригад на 2026-12-04 (демо-портал):');
    expect(text).toMatch(/Бригада 1 +12 дом\. {2}задача #42 \(новая\)/);
    expect(text).toContain('ожидает повтора, попыток 3 (QUERY_LIMIT_EXCEEDED: Too many requests)');
    expect(text).toContain('не отправлен: нет бригадира');
    expect(text).toContain('Итого: задач 1, ожидают повтора 1, с ошибкой 0.');
    expect(text).toContain(
      'Календарь: событий добавлено или изменено 20, удалено 1, без изменений 3, ' +
        'без календаря (нет бригадира) 2.',
    );
  });

  it('syncs the demo and gives every brigade its task, again in a fresh process', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audiobot-dispatch-'));
    const env = { ...process.env, DATABASE_URL: `sqlite://${dir}/store.db`, LOG_LEVEL: 'warn' };
    const command = ['tsx', 'packages/server/src/cli/dispatch.ts', '--date', nextWorkday()];

    try {
      const first = await run('npx', command, { cwd: root, env });
      const second = await run('npx', command, { cwd: root, env });

      const tasks = (output: string) => output.match(/задача #\d+/g) ?? [];
      expect(tasks(first.stdout).length).toBeGreaterThan(1);
      expect(first.stdout).toMatch(/Итого: задач \d+, ожидают повтора 0, с ошибкой 0\./);
      expect(tasks(second.stdout)).toEqual(tasks(first.stdout));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

/** The demo schedule follows the real clock and skips Sundays: the next other day has work. */
function nextWorkday(): string {
  for (let days = 1; ; days += 1) {
    const date = dateInZone(new Date(Date.now() + days * 86_400_000), 'Europe/Moscow');
    if (new Date(`${date}T12:00:00Z`).getUTCDay() !== 0) return date;
  }
}
