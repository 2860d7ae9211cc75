import { formatZoned, parsePortalDate } from '../../clock/zoned-time.js';
import { restErrors } from '../../errors/rest-error.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { TaskRecord } from '../../state/runtime-records.js';
import { runList } from '../list/list-query.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param, positiveId, record, text } from '../params.js';
import { deleteChecklistOf } from './checklist-item-methods.js';
import { canSeeTask } from './task-access.js';
import {
  camelCaseOf,
  TASK_STATUS_DONE,
  TASK_STATUS_PENDING,
  taskFilterField,
} from './task-fields.js';
import { taskFieldsFor, taskView } from './task-view.js';

/**
 * `tasks.task.add|update|get|list|delete` (docs: api-reference/tasks/tasks-task-add.md,
 * tasks-task-update.md, tasks-task-get.md, tasks-task-list.md, tasks-task-delete.md).
 * Events: ONTASKADD, ONTASKUPDATE, ONTASKDELETE with `FIELDS_AFTER|FIELDS_BEFORE[ID]`.
 */
const VISIBLE = '__VISIBLE_TO_CALLER';

const taskNotFound = () => restErrors.core('Task not found or not accessible');

function stamp(portal: EmulatorPortal): string {
  return formatZoned(portal.clock.now(), portal.state.portal.timeZone);
}

function dateField(portal: EmulatorPortal, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const instant = parsePortalDate(String(value), portal.state.portal.timeZone);
  if (!instant) throw restErrors.core(`Wrong date value: ${String(value)}`);
  return formatZoned(instant, portal.state.portal.timeZone);
}

function idList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function applyFields(portal: EmulatorPortal, task: TaskRecord, fields: Params): void {
  const byName = new Map(Object.entries(fields).map(([key, value]) => [camelCaseOf(key), value]));
  const read = (name: string) => byName.get(name);

  if (byName.has('title')) task.title = text(read('title'));
  if (byName.has('description')) task.description = text(read('description'));
  if (byName.has('responsibleId')) task.responsibleId = text(read('responsibleId'));
  if (byName.has('priority')) task.priority = text(read('priority'));
  if (byName.has('groupId')) task.groupId = text(read('groupId'), '0');
  if (byName.has('parentId')) task.parentId = text(read('parentId')) || null;
  if (byName.has('deadline')) task.deadline = dateField(portal, read('deadline'));
  if (byName.has('startDatePlan')) task.startDatePlan = dateField(portal, read('startDatePlan'));
  if (byName.has('endDatePlan')) task.endDatePlan = dateField(portal, read('endDatePlan'));
  if (byName.has('auditors')) task.auditors = idList(read('auditors'));
  if (byName.has('accomplices')) task.accomplices = idList(read('accomplices'));
  if (byName.has('tags')) task.tags = idList(read('tags'));
  if (byName.has('ufCrmTask')) task.ufCrmTask = idList(read('ufCrmTask'));
  if (byName.has('status')) {
    task.status = text(read('status'));
    task.closedDate = task.status === TASK_STATUS_DONE ? stamp(portal) : null;
  }
}

function visibleTask(context: MethodContext, params: Params): TaskRecord {
  const id = positiveId(param(params, 'taskId'));
  const task = id === null ? undefined : context.portal.state.tasks.get(id);
  if (!task || !canSeeTask(context.caller.user, task)) throw taskNotFound();
  return task;
}

function add(context: MethodContext, params: Params) {
  const { portal, caller } = context;
  const fields = record(param(params, 'fields'));
  const id = portal.state.tasks.nextId();
  const now = stamp(portal);
  const creator = text(fields.CREATED_BY ?? fields.createdBy, caller.user.ID);

  const task: TaskRecord = {
    ID: String(id),
    id: String(id),
    title: '',
    description: '',
    status: TASK_STATUS_PENDING,
    priority: '1',
    responsibleId: '',
    createdBy: creator,
    changedBy: caller.user.ID,
    groupId: '0',
    parentId: null,
    deadline: null,
    startDatePlan: null,
    endDatePlan: null,
    createdDate: now,
    changedDate: now,
    closedDate: null,
    auditors: [],
    accomplices: [],
    tags: [],
    ufCrmTask: [],
  };
  applyFields(portal, task, fields);
  if (task.title.trim() === '') throw restErrors.core('Task title is not specified');
  if (!portal.state.users.get(task.responsibleId))
    throw restErrors.core('Task assignee is not specified');

  portal.state.tasks.insert(task);
  portal.events.emit('ONTASKADD', { FIELDS_AFTER: { ID: id } });
  return { result: { task: taskView(portal, task, taskFieldsFor(['*', 'UF_CRM_TASK'])) } };
}

function update(context: MethodContext, params: Params) {
  const { portal, caller } = context;
  const current = visibleTask(context, params);
  const task: TaskRecord = { ...current, changedBy: caller.user.ID, changedDate: stamp(portal) };
  applyFields(portal, task, record(param(params, 'fields')));

  portal.state.tasks.insert(task);
  portal.events.emit('ONTASKUPDATE', {
    FIELDS_BEFORE: { ID: current.id },
    FIELDS_AFTER: { ID: task.id },
  });
  return { result: { task: taskView(portal, task, taskFieldsFor(['*', 'UF_CRM_TASK'])) } };
}

/** `tasks.task.complete` (docs: api-reference/tasks/status/tasks-task-complete.md). */
function complete(context: MethodContext, params: Params) {
  return update(context, { taskId: param(params, 'taskId'), fields: { STATUS: TASK_STATUS_DONE } });
}

function get(context: MethodContext, params: Params) {
  const task = visibleTask(context, params);
  return {
    result: { task: taskView(context.portal, task, taskFieldsFor(param(params, 'select'))) },
  };
}

function list(context: MethodContext, params: Params) {
  const { portal, caller } = context;
  const fields = taskFieldsFor(param(params, 'select'));
  // Visibility is one more condition, so that total and next count only visible tasks.
  const filter = { ...record(param(params, 'filter')), [VISIBLE]: true };

  const page = runList(
    portal.state.tasks,
    { filter, order: param(params, 'order'), start: param(params, 'start') },
    {
      read: (row, field) => {
        const task = row as TaskRecord;
        if (field === VISIBLE) return canSeeTask(caller.user, task);
        return (task as unknown as Record<string, unknown>)[taskFilterField(field)];
      },
      defaultOrder: { ID: 'DESC' },
    },
  );
  return {
    result: { tasks: page.rows.map((task) => taskView(portal, task, fields)) },
    total: page.total,
    next: page.next,
  };
}

function remove(context: MethodContext, params: Params) {
  const task = visibleTask(context, params);
  context.portal.state.tasks.delete(task.id);
  deleteChecklistOf(context.portal, task.id);
  context.portal.events.emit('ONTASKDELETE', { FIELDS_BEFORE: { ID: task.id } });
  return { result: { task: true } };
}

export const taskMethods = defineMethods('task', {
  'tasks.task.add': add,
  'tasks.task.update': update,
  'tasks.task.complete': complete,
  'tasks.task.get': get,
  'tasks.task.list': list,
  'tasks.task.delete': remove,
});
