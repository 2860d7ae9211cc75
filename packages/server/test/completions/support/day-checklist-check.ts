import { expect } from 'vitest';
import type { CompletionHarness } from './completion-harness.js';

interface PortalLine {
  taskId: number;
  title: string;
  complete: boolean;
}

/**
 * The checklist lines of the date's live tasks (not rewritten as cancelled), read from
 * the portal through its REST methods, keyed by the cleaning marker in their title.
 */
export async function portalDayLines(
  harness: CompletionHarness,
  date: string,
): Promise<Map<string, PortalLine[]>> {
  const tasks = await harness.portal.call<{ tasks: Array<{ id: string; title: string }> }>(
    'tasks.task.list',
    { filter: { '%TITLE': `:${date}]` }, select: ['ID', 'TITLE'] },
  );
  const lines = new Map<string, PortalLine[]>();
  for (const task of tasks.result.tasks) {
    if (task.title.startsWith('Отменено:')) continue;
    const items = await harness.portal.call<Array<{ TITLE: string; IS_COMPLETE: string }>>(
      'task.checklistitem.getlist',
      { TASKID: Number(task.id) },
    );
    for (const item of items.result) {
      const marker = /\[AB cleaning:[^\]]+\]/.exec(item.TITLE)?.[0];
      if (!marker) continue;
      const line = {
        taskId: Number(task.id),
        title: item.TITLE,
        complete: item.IS_COMPLETE === 'Y',
      };
      lines.set(marker, [...(lines.get(marker) ?? []), line]);
    }
  }
  return lines;
}

/**
 * The portal's day holds exactly one line per marked cleaning, in the state of its
 * completion (done: ticked; not done or withdrawn: open), and no other line.
 */
export async function expectLinesMatchCompletions(
  harness: CompletionHarness,
  date: string,
): Promise<void> {
  const completions = await harness.store.db
    .selectFrom('completions')
    .select(['houseId', 'slot', 'status', 'reason'])
    .where('memberId', '=', harness.emulator.memberId)
    .where('date', '=', date)
    .execute();
  const lines = await portalDayLines(harness, date);

  const expected = completions.map((one) => `[AB cleaning:${one.houseId}:${date}:${one.slot}]`);
  expect([...lines.keys()].sort()).toEqual([...new Set(expected)].sort());
  for (const completion of completions) {
    const marker = `[AB cleaning:${completion.houseId}:${date}:${completion.slot}]`;
    const found = lines.get(marker) ?? [];
    expect(found, marker).toHaveLength(1);
    expect(found[0]?.complete, marker).toBe(completion.status === 'done');
    if (completion.status === 'not_done') expect(found[0]?.title).toContain(completion.reason);
    if (completion.status === 'withdrawn') expect(found[0]?.title).toContain('отметка снята');
  }
}
