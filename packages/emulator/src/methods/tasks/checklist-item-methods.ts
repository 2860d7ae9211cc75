import { formatZoned } from '../../clock/zoned-time.js';
import { restErrors } from '../../errors/rest-error.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { ChecklistItemRecord, TaskRecord } from '../../state/runtime-records.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { flag, param, positiveId, record, text } from '../params.js';
import { canSeeTask } from './task-access.js';

/**
 * A task's checklist: `task.checklistitem.add|getlist|get|update|complete|renew|delete`
 * (docs: api-reference/tasks/checklist-item/*.md). Items hang under a checklist, itself
 * an item with PARENT_ID 0; an item added without PARENT_ID joins the task's first
 * checklist, which is made («Чек-лист 1») when the task has none.
 */
const wrongTask = () =>
  restErrors.core(
    'TASKS_ERROR_EXCEPTION_#256; Param #0 (taskId) expected to be of type "integer", ' +
      'but given something else.; 256/TE/WRONG_ARGUMENTS<br>',
  );
const notAllowed = () =>
  restErrors.core(
    'TASKS_ERROR_EXCEPTION_#8; Action not allowed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED',
  );

function stamp(portal: EmulatorPortal): string {
  return formatZoned(portal.clock.now(), portal.state.portal.timeZone);
}

function visibleTask(context: MethodContext, params: Params): TaskRecord {
  const id = positiveId(param(params, 'TASKID'));
  if (id === null) throw wrongTask();
  const task = context.portal.state.tasks.get(id);
  if (!task || !canSeeTask(context.caller.user, task)) throw notAllowed();
  return task;
}

function itemsOf(portal: EmulatorPortal, taskId: string): ChecklistItemRecord[] {
  return portal.state.checklistItems.values().filter((item) => item.TASK_ID === taskId);
}

/** The item by ITEMID; like the portal, it does not check that the item is the task's. */
function itemOf(context: MethodContext, params: Params): ChecklistItemRecord | undefined {
  const id = positiveId(param(params, 'ITEMID'));
  return id === null ? undefined : context.portal.state.checklistItems.get(id);
}

function newItem(context: MethodContext, task: TaskRecord, fields: Params, parentId: string) {
  const { portal, caller } = context;
  const complete = flag(fields.IS_COMPLETE);
  const item: ChecklistItemRecord = {
    ID: String(portal.state.checklistItems.nextId()),
    TASK_ID: task.id,
    PARENT_ID: parentId,
    CREATED_BY: caller.user.ID,
    TITLE: text(fields.TITLE).trim(),
    SORT_INDEX: text(fields.SORT_INDEX, '0'),
    IS_COMPLETE: complete ? 'Y' : 'N',
    IS_IMPORTANT: flag(fields.IS_IMPORTANT) ? 'Y' : 'N',
    TOGGLED_BY: complete ? caller.user.ID : null,
    TOGGLED_DATE: complete ? stamp(portal) : '',
  };
  portal.state.checklistItems.insert(item);
  return item;
}

/** The checklist an item without PARENT_ID joins: the task's first, made when missing. */
function defaultParent(context: MethodContext, task: TaskRecord): string {
  const root = itemsOf(context.portal, task.id).find((item) => item.PARENT_ID === '0');
  if (root) return root.ID;
  return newItem(context, task, { TITLE: 'Чек-лист 1' }, '0').ID;
}

function add(context: MethodContext, params: Params) {
  const task = visibleTask(context, params);
  const fields = record(param(params, 'FIELDS'));
  if (text(fields.TITLE).trim() === '') {
    throw restErrors.core(
      'TASKS_ERROR_EXCEPTION_#8; Item name not specified; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>',
    );
  }

  return { result: Number(newItem(context, task, fields, parentOf(context, task, fields)).ID) };
}

/** No PARENT_ID: the first checklist; 0 or an unknown id: the item starts a new one. */
function parentOf(context: MethodContext, task: TaskRecord, fields: Params): string {
  if (fields.PARENT_ID === undefined) return defaultParent(context, task);
  const parent = itemOf(context, { ITEMID: fields.PARENT_ID });
  return parent ? parent.ID : '0';
}

function getList(context: MethodContext, params: Params) {
  const task = visibleTask(context, params);
  const order = record(param(params, 'ORDER'));
  const [field, direction] = Object.entries(order)[0] ?? ['ID', 'desc'];
  const sign = String(direction).toLowerCase() === 'asc' ? 1 : -1;
  const key = String(field).toUpperCase() as keyof ChecklistItemRecord;
  const numeric = key === 'ID' || key === 'SORT_INDEX' || key === 'PARENT_ID';

  const items = itemsOf(context.portal, task.id).sort((a, b) => {
    const left = String(a[key] ?? '');
    const right = String(b[key] ?? '');
    const compared = numeric ? Number(left) - Number(right) : left.localeCompare(right);
    return sign * (compared || Number(a.ID) - Number(b.ID));
  });
  return { result: items.map(view) };
}

function get(context: MethodContext, params: Params) {
  visibleTask(context, params);
  const item = itemOf(context, params);
  if (!item) throw notAllowed();
  return { result: view(item) };
}

function update(context: MethodContext, params: Params) {
  visibleTask(context, params);
  const item = itemOf(context, params);
  if (!item) throw notAllowed();
  const fields = record(param(params, 'FIELDS'));

  const changed = { ...item };
  if ('TITLE' in fields) changed.TITLE = text(fields.TITLE).trim() || item.TITLE;
  if ('SORT_INDEX' in fields) changed.SORT_INDEX = text(fields.SORT_INDEX, item.SORT_INDEX);
  if ('IS_IMPORTANT' in fields) changed.IS_IMPORTANT = flag(fields.IS_IMPORTANT) ? 'Y' : 'N';
  context.portal.state.checklistItems.insert(changed);
  if ('IS_COMPLETE' in fields) toggle(context, changed, flag(fields.IS_COMPLETE));
  return { result: null };
}

/** Who and when change only when the state does: a repeated call changes nothing. */
function toggle(context: MethodContext, item: ChecklistItemRecord, complete: boolean): void {
  const state = complete ? 'Y' : 'N';
  if (item.IS_COMPLETE === state) return;
  context.portal.state.checklistItems.insert({
    ...item,
    IS_COMPLETE: state,
    TOGGLED_BY: context.caller.user.ID,
    TOGGLED_DATE: stamp(context.portal),
  });
}

function setComplete(complete: boolean) {
  return (context: MethodContext, params: Params) => {
    visibleTask(context, params);
    const item = itemOf(context, params);
    if (!item) return { result: false };
    toggle(context, item, complete);
    return { result: true };
  };
}

function remove(context: MethodContext, params: Params) {
  visibleTask(context, params);
  const item = itemOf(context, params);
  if (!item) throw notAllowed();
  const { checklistItems } = context.portal.state;
  for (const child of checklistItems.values()) {
    if (child.PARENT_ID === item.ID) checklistItems.delete(child.ID);
  }
  checklistItems.delete(item.ID);
  return { result: true };
}

/** The portal adds who took part and attachments; the emulator keeps neither. */
function view(item: ChecklistItemRecord) {
  return { ...item, MEMBERS: [], ATTACHMENTS: [] };
}

/** A deleted task takes its checklist with it. */
export function deleteChecklistOf(portal: EmulatorPortal, taskId: string): void {
  for (const item of itemsOf(portal, taskId)) portal.state.checklistItems.delete(item.ID);
}

export const checklistItemMethods = defineMethods('task', {
  'task.checklistitem.add': add,
  'task.checklistitem.getlist': getList,
  'task.checklistitem.get': get,
  'task.checklistitem.update': update,
  'task.checklistitem.complete': setComplete(true),
  'task.checklistitem.renew': setComplete(false),
  'task.checklistitem.delete': remove,
});
