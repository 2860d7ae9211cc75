import { describe, expect, it } from 'vitest';
import { callRest, useEmulator } from '../support/emulator-harness.js';

type Task = Record<string, unknown>;

// Docs: api-reference/tasks/tasks-task-add.md, tasks-task-update.md, tasks-task-get.md,
// tasks-task-list.md, tasks-task-delete.md.
describe('tasks', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);
  const add = async (fields: object) =>
    ((await call('tasks.task.add', { fields })).body.result as { task: Task }).task;

  it('takes UPPER_CASE, answers camelCase with deal bindings (tasks-task-add.md)', async () => {
    const task = await add({
      TITLE: 'Бригада 1: план на 16.09',
      RESPONSIBLE_ID: 2,
      DEADLINE: '2025-09-16T18:00:00+03:00',
      UF_CRM_TASK: ['D_5', 'D_7'],
    });

    expect(task).toMatchObject({
      id: '1',
      title: 'Бригада 1: план на 16.09',
      responsibleId: '2',
      createdBy: '1',
      status: '2',
      deadline: '2025-09-16T18:00:00+03:00',
      ufCrmTask: ['D_5', 'D_7'],
    });
    expect(task.responsible).toMatchObject({ id: '2', name: 'Пётр Иванов2' });
  });

  it('returns ufCrmTask from tasks.task.get only when selected', async () => {
    const { id } = await add({ TITLE: 'Уборка', RESPONSIBLE_ID: 2, UF_CRM_TASK: ['D_5'] });

    const plain = ((await call('tasks.task.get', { taskId: id })).body.result as { task: Task })
      .task;
    expect(plain).not.toHaveProperty('ufCrmTask');

    const selected = await call('tasks.task.get', {
      taskId: id,
      select: ['ID', 'TITLE', 'UF_CRM_TASK'],
    });
    expect((selected.body.result as { task: Task }).task).toMatchObject({
      id,
      title: 'Уборка',
      ufCrmTask: ['D_5'],
    });
  });

  it('lists {tasks} filtered by UPPER_CASE fields, newest first (tasks-task-list.md)', async () => {
    await add({ TITLE: 'A', RESPONSIBLE_ID: 2, UF_CRM_TASK: ['D_5'] });
    await add({ TITLE: 'B', RESPONSIBLE_ID: 3, UF_CRM_TASK: ['D_6'] });
    await add({ TITLE: 'C', RESPONSIBLE_ID: 2, UF_CRM_TASK: ['D_6'] });

    const all = await call('tasks.task.list', {});
    expect((all.body.result as { tasks: Task[] }).tasks.map((task) => task.title)).toEqual([
      'C',
      'B',
      'A',
    ]);
    expect(all.body.total).toBe(3);

    const bound = await call('tasks.task.list', {
      filter: { UF_CRM_TASK: 'D_6', RESPONSIBLE_ID: 2 },
      select: ['ID', 'TITLE'],
    });
    expect((bound.body.result as { tasks: Task[] }).tasks.map((task) => task.title)).toEqual(['C']);
  });

  it('filters by one tag with TAG, the key tasks-task-list.md names', async () => {
    await add({ TITLE: 'A', RESPONSIBLE_ID: 2, TAGS: ['уборка', 'бригада 1'] });
    await add({ TITLE: 'B', RESPONSIBLE_ID: 2, TAGS: ['бригада 2'] });
    await add({ TITLE: 'C', RESPONSIBLE_ID: 2, AUDITORS: [3] });
    const titles = async (filter: object) =>
      ((await call('tasks.task.list', { filter })).body.result as { tasks: Task[] }).tasks.map(
        (task) => task.title,
      );

    expect(await titles({ TAG: 'бригада 1' })).toEqual(['A']);
    expect(await titles({ TAG: ['бригада 2', 'уборка'] })).toEqual(['B', 'A']);
    expect(await titles({ '!TAG': 'уборка' })).toEqual(['C', 'B']);
    expect(await titles({ AUDITOR: 3 })).toEqual(['C']);
    expect(await titles({ REAL_STATUS: 2 })).toEqual(['C', 'B', 'A']);
  });

  it('updates and deletes a task (tasks-task-update.md, tasks-task-delete.md)', async () => {
    const { id } = await add({ TITLE: 'План', RESPONSIBLE_ID: 2 });
    const updated = await call('tasks.task.update', {
      taskId: id,
      fields: { STATUS: 5, TITLE: 'План (выполнен)' },
    });
    expect((updated.body.result as { task: Task }).task).toMatchObject({
      status: '5',
      title: 'План (выполнен)',
    });

    expect((await call('tasks.task.delete', { taskId: id })).body.result).toEqual({ task: true });
    expect((await call('tasks.task.get', { taskId: id })).body.error).toBe('ERROR_CORE');
  });

  it('refuses a task without a title or an assignee', async () => {
    const reply = await call('tasks.task.add', { fields: { RESPONSIBLE_ID: 2 } });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('ERROR_CORE');
    expect((await call('tasks.task.add', { fields: { TITLE: 'x' } })).body.error).toBe(
      'ERROR_CORE',
    );
  });
});
