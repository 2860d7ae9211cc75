import { isBitrix24Error } from '@audiobot/bitrix24';
import type { OperationContext, OperationInput, OutboxOperation } from './outbox-operation.js';
import { OutboxPayloadError } from './outbox-operation.js';

/**
 * Makes one Bitrix24 task hold the given fields, adding it only when it does not exist.
 * `marker` is a text the title carries and nothing else does (e.g.
 * `[AB brigade-plan:12:2025-09-16]`); `tasks.task.list` finds it with a substring filter
 * on the title (`%TITLE`). XML_ID would be cleaner, but tasks.task.list documents no
 * filter on it, and TITLE is the only text field it does.
 */
export interface TaskUpsertPayload {
  marker: string;
  /** UPPER_CASE task fields as tasks.task.add takes them; TITLE must contain the marker. */
  fields: Record<string, unknown>;
}

export interface TaskUpsertResult {
  taskId: number;
  /** How this run got there: the task it found by id or marker, or one it added. */
  via: 'stored_id' | 'marker' | 'added';
}

export const taskUpsertKind = 'bitrix24.task.upsert';

export const taskUpsertOperation: OutboxOperation<TaskUpsertPayload, TaskUpsertResult> = {
  kind: taskUpsertKind,
  parse: parseTaskUpsert,
  execute: upsertTask,
};

function parseTaskUpsert(payload: unknown): TaskUpsertPayload {
  const value = payload as Partial<TaskUpsertPayload> | null;
  const title = value?.fields?.TITLE;
  if (typeof value?.marker !== 'string' || value.marker.length < 8)
    throw new OutboxPayloadError('A task upsert needs a marker of 8 characters or more');
  if (typeof title !== 'string' || !title.includes(value.marker))
    throw new OutboxPayloadError('The task title must carry the marker');
  return { marker: value.marker, fields: value.fields ?? {} };
}

async function upsertTask(
  input: OperationInput<TaskUpsertPayload>,
  context: OperationContext,
): Promise<TaskUpsertResult> {
  const { fields, marker } = input.payload;
  const storedId = taskIdOf(input.result);

  // The id an earlier run saved: the task may have been renamed since, so try it first.
  if (storedId !== null && (await updateTask(context, storedId, fields))) {
    return { taskId: storedId, via: 'stored_id' };
  }

  const found = await findTaskByMarker(context, marker);
  if (found !== null && (await updateTask(context, found, fields))) {
    return { taskId: found, via: 'marker' };
  }

  const taskId = await addTask(context, fields);
  await context.saveResult({ taskId, via: 'added' } satisfies TaskUpsertResult);
  return { taskId, via: 'added' };
}

function taskIdOf(result: unknown): number | null {
  const id = (result as { taskId?: unknown } | null)?.taskId;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
}

/** False when the task is gone (deleted in the portal): the caller looks further. */
async function updateTask(
  context: OperationContext,
  taskId: number,
  fields: Record<string, unknown>,
): Promise<boolean> {
  try {
    await context.portal.call('tasks.task.update', { taskId, fields }, { signal: context.signal });
    return true;
  } catch (error) {
    if (isTaskMissing(error)) return false;
    throw error;
  }
}

// The portal answers ERROR_CORE "Task not found or not accessible" (400) for a gone task.
function isTaskMissing(error: unknown): boolean {
  return (
    isBitrix24Error(error) &&
    (error.kind === 'not_found' ||
      (error.kind === 'bad_input' && /not found|не найден/i.test(error.description)))
  );
}

/** The oldest task whose title carries the marker: the first one a crashed run added. */
async function findTaskByMarker(context: OperationContext, marker: string): Promise<number | null> {
  const answer = await context.portal.call<{ tasks?: Array<{ id?: unknown }> }>(
    'tasks.task.list',
    { filter: { '%TITLE': marker }, select: ['ID', 'TITLE'], order: { ID: 'asc' } },
    { signal: context.signal },
  );
  const id = Number(answer.result.tasks?.[0]?.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

async function addTask(
  context: OperationContext,
  fields: Record<string, unknown>,
): Promise<number> {
  const answer = await context.portal.call<{ task?: { id?: unknown } }>(
    'tasks.task.add',
    { fields },
    { signal: context.signal },
  );
  const id = Number(answer.result.task?.id);
  if (!Number.isInteger(id) || id <= 0)
    throw new Error('tasks.task.add answered without a task id');
  return id;
}
