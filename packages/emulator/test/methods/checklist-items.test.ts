import { describe, expect, it } from 'vitest';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type Item = Record<string, unknown>;
type Task = Record<string, unknown>;

// Docs: api-reference/tasks/checklist-item/task-checklist-item-add.md, -get-list.md,
// -complete.md, -renew.md, -update.md, -delete.md;
// api-reference/chats/notifications/im-notify-system-add.md (TAG);
// api-reference/crm/timeline/comments/crm-timeline-comment-update.md.
describe('task checklists and tagged notifications', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);
  const newTask = async () => {
    const added = await call('tasks.task.add', { fields: { TITLE: 'День', RESPONSIBLE_ID: 2 } });
    return Number((added.body.result as { task: { id: string } }).task.id);
  };
  const items = async (taskId: number) =>
    (await call('task.checklistitem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } })).body
      .result as Item[];

  it('puts a first item under a new «Чек-лист 1», completed when asked (add.md)', async () => {
    const taskId = await newTask();
    const added = await call('task.checklistitem.add', {
      TASKID: taskId,
      FIELDS: { TITLE: 'Ленина, 5', IS_COMPLETE: 'Y' },
    });
    const second = await call('task.checklistitem.add', {
      TASKID: taskId,
      FIELDS: { TITLE: 'Ленина, 7' },
    });

    expect(added.body.result).toEqual(expect.any(Number));
    const list = await items(taskId);
    expect(list.map((item) => [item.TITLE, item.PARENT_ID, item.IS_COMPLETE])).toEqual([
      ['Чек-лист 1', '0', 'N'],
      ['Ленина, 5', list[0]?.ID, 'Y'],
      ['Ленина, 7', list[0]?.ID, 'N'],
    ]);
    expect(list[1]).toMatchObject({ TASK_ID: String(taskId), TOGGLED_BY: '1' });
    expect(String(second.body.result)).toBe(list[2]?.ID);
  });

  it('completes and renews an item; a repeat changes nothing (complete.md)', async () => {
    const taskId = await newTask();
    const id = (await call('task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: 'A' } }))
      .body.result;

    expect(
      (await call('task.checklistitem.complete', { TASKID: taskId, ITEMID: id })).body,
    ).toMatchObject({ result: true });
    const toggled = (await items(taskId)).find((item) => item.ID === String(id));
    await call('task.checklistitem.complete', { TASKID: taskId, ITEMID: id });
    expect((await items(taskId)).find((item) => item.ID === String(id))).toEqual(toggled);
    expect(toggled?.IS_COMPLETE).toBe('Y');

    await call('task.checklistitem.renew', { TASKID: taskId, ITEMID: id });
    expect((await items(taskId)).find((item) => item.ID === String(id))?.IS_COMPLETE).toBe('N');
    const missing = await call('task.checklistitem.complete', { TASKID: taskId, ITEMID: 9999 });
    expect(missing.body.result).toBe(false);
  });

  it('updates the title, refuses an empty one and a missing task (update.md)', async () => {
    const taskId = await newTask();
    const id = (await call('task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: 'A' } }))
      .body.result;

    await call('task.checklistitem.update', {
      TASKID: taskId,
      ITEMID: id,
      FIELDS: { TITLE: 'B', IS_COMPLETE: 'Y' },
    });
    expect((await items(taskId)).find((item) => item.ID === String(id))).toMatchObject({
      TITLE: 'B',
      IS_COMPLETE: 'Y',
    });
    const empty = await call('task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: ' ' } });
    expect([empty.status, empty.body.error]).toEqual([400, 'ERROR_CORE']);
    const noTask = await call('task.checklistitem.getlist', { TASKID: 9999 });
    expect([noTask.status, noTask.body.error]).toEqual([400, 'ERROR_CORE']);
  });

  it('drops the checklist with its task (tasks-task-delete.md)', async () => {
    const taskId = await newTask();
    await call('task.checklistitem.add', { TASKID: taskId, FIELDS: { TITLE: 'A' } });
    await call('tasks.task.delete', { taskId });

    expect(emulator().portal.state.checklistItems.size).toBe(0);
  });

  it('completes a task with tasks.task.complete (status/tasks-task-complete.md)', async () => {
    const taskId = await newTask();
    const answer = await call('tasks.task.complete', { taskId });

    expect((answer.body.result as { task: Task }).task).toMatchObject({ status: '5' });
    expect(emulator().portal.state.tasks.get(taskId)?.closedDate).toEqual(expect.any(String));
  });

  it('updates a timeline comment’s text (crm-timeline-comment-update.md)', async () => {
    const added = await call('crm.timeline.comment.add', {
      fields: { ENTITY_ID: 5, ENTITY_TYPE: 'deal', COMMENT: 'Не убрано' },
    });
    const updated = await call('crm.timeline.comment.update', {
      id: added.body.result,
      fields: { COMMENT: 'Убрано' },
    });

    expect(updated.body.result).toBe(added.body.result);
    expect(emulator().portal.state.timelineComments.get(Number(added.body.result))).toMatchObject({
      COMMENT: 'Убрано',
      ENTITY_ID: '5',
    });
    const missing = await call('crm.timeline.comment.update', {
      id: 999,
      fields: { COMMENT: 'x' },
    });
    expect([missing.status, missing.body.error]).toEqual([400, 'NOT_FOUND']);
    const empty = await call('crm.timeline.comment.update', {
      id: added.body.result,
      fields: { COMMENT: ' ' },
    });
    expect(empty.body.error).toBe('INVALID_ARG_VALUE');
  });

  it('keeps one notification per TAG: a new one removes the earlier (system-add.md)', async () => {
    const send = (message: string, TAG?: string) =>
      call('im.notify.system.add', { USER_ID: 2, MESSAGE: message, ...(TAG ? { TAG } : {}) });
    await send('первое', 'AB|1');
    await send('второе', 'AB|1');
    await send('без тега');
    await send('без тега');

    const messages = emulator()
      .portal.state.notifications.values()
      .map((notification) => notification.message);
    expect(messages).toEqual(['второе', 'без тега', 'без тега']);
  });
});
