import type { OperationContext, OperationInput, OutboxOperation } from './outbox-operation.js';
import { OutboxPayloadError } from './outbox-operation.js';

/**
 * Marks one line of a task's checklist: the item whose title carries `itemMarker` gets
 * the given title and state, added when the task has none. The task is the one whose
 * title carries `taskMarker` (AudioBot's day task of a brigade or a house); it survives
 * the task's own updates, which rewrite the title and description but not the checklist.
 * `completeTask` also closes the task (a house's own task, once its house is done).
 */
export interface ChecklistMarkPayload {
  taskMarker: string;
  itemMarker: string;
  /** The item's text; it must contain the item marker. */
  title: string;
  complete: boolean;
  completeTask: boolean;
}

export interface ChecklistMarkResult {
  taskId: number;
  itemId: number;
}

export const checklistMarkKind = 'bitrix24.task.checklist.mark';

export const checklistMarkOperation: OutboxOperation<ChecklistMarkPayload, ChecklistMarkResult> = {
  kind: checklistMarkKind,
  parse: parseMark,
  execute: markItem,
};

/** The day's task is not (yet) in the portal: its own upsert may still be due. Retried. */
export class DayTaskMissingError extends Error {
  constructor(marker: string) {
    super(`No task carries ${marker} yet`);
    this.name = 'DayTaskMissingError';
  }
}

function parseMark(payload: unknown): ChecklistMarkPayload {
  const value = payload as Partial<ChecklistMarkPayload> | null;
  for (const name of ['taskMarker', 'itemMarker'] as const) {
    if (typeof value?.[name] !== 'string' || value[name].length < 8)
      throw new OutboxPayloadError(`A checklist mark needs ${name} of 8 characters or more`);
  }
  const { taskMarker, itemMarker, title } = value as ChecklistMarkPayload;
  if (typeof title !== 'string' || !title.includes(itemMarker))
    throw new OutboxPayloadError('The checklist item must carry its marker');
  return {
    taskMarker,
    itemMarker,
    title,
    complete: value?.complete === true,
    completeTask: value?.completeTask === true,
  };
}

async function markItem(
  input: OperationInput<ChecklistMarkPayload>,
  context: OperationContext,
): Promise<ChecklistMarkResult> {
  const { payload } = input;
  const taskId = await findTask(payload, context);
  const fields = { TITLE: payload.title, IS_COMPLETE: payload.complete ? 'Y' : 'N' };

  const existing = await findItem(taskId, payload.itemMarker, context);
  let itemId: number;
  if (existing === null) {
    itemId = await addItem(taskId, fields, context);
    await context.saveResult({ taskId, itemId } satisfies ChecklistMarkResult);
  } else {
    itemId = existing;
    await call(context, 'task.checklistitem.update', {
      TASKID: taskId,
      ITEMID: itemId,
      FIELDS: fields,
    });
  }

  if (payload.completeTask) await call(context, 'tasks.task.complete', { taskId });
  return { taskId, itemId };
}

function call(context: OperationContext, method: string, params: Record<string, unknown>) {
  return context.portal.call<unknown>(method, params, { signal: context.signal });
}

/** The oldest task carrying the marker, as the day's task upsert finds its own. */
async function findTask(payload: ChecklistMarkPayload, context: OperationContext) {
  const answer = await context.portal.call<{ tasks?: Array<{ id?: unknown }> }>(
    'tasks.task.list',
    { filter: { '%TITLE': payload.taskMarker }, select: ['ID', 'TITLE'], order: { ID: 'asc' } },
    { signal: context.signal },
  );
  const id = Number(answer.result.tasks?.[0]?.id);
  if (!Number.isInteger(id) || id <= 0) throw new DayTaskMissingError(payload.taskMarker);
  return id;
}

async function findItem(
  taskId: number,
  marker: string,
  context: OperationContext,
): Promise<number | null> {
  const answer = await context.portal.call<Array<{ ID?: unknown; TITLE?: unknown }>>(
    'task.checklistitem.getlist',
    { TASKID: taskId, ORDER: { ID: 'asc' } },
    { signal: context.signal },
  );
  const item = answer.result.find((row) => String(row.TITLE ?? '').includes(marker));
  return item ? Number(item.ID) : null;
}

async function addItem(
  taskId: number,
  fields: Record<string, unknown>,
  context: OperationContext,
): Promise<number> {
  const answer = await call(context, 'task.checklistitem.add', { TASKID: taskId, FIELDS: fields });
  const id = Number(answer.result);
  if (!Number.isInteger(id) || id <= 0)
    throw new Error('task.checklistitem.add answered without an item id');
  return id;
}
