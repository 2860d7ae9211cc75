import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { TaskRecord } from '../../state/runtime-records.js';
import { camelCaseOf, defaultTaskFields } from './task-fields.js';

/**
 * A task as `tasks.task.get|list` answer it. `UF_CRM_TASK` (deal bindings) comes back
 * as `ufCrmTask` only when selected, as on a real portal.
 */
function userBrief(portal: EmulatorPortal, id: string) {
  const user = portal.state.users.get(id);
  return {
    id,
    name: user ? `${user.NAME} ${user.LAST_NAME}`.trim() : '',
    link: `/company/personal/user/${id}/`,
    icon: '/bitrix/images/tasks/default_avatar.png',
    workPosition: user?.WORK_POSITION ?? '',
  };
}

export function taskFieldsFor(select: unknown): string[] {
  const names = Array.isArray(select) ? select.map(String) : [];
  if (names.length === 0) return [...defaultTaskFields];

  const fields = new Set<string>(['id']);
  for (const name of names) {
    if (name === '*') for (const field of defaultTaskFields) fields.add(field);
    else if (name.toUpperCase() === 'UF_*') fields.add('ufCrmTask');
    else fields.add(camelCaseOf(name));
  }
  return [...fields];
}

export function taskView(portal: EmulatorPortal, task: TaskRecord, fields: readonly string[]) {
  const source = task as unknown as Record<string, unknown>;
  const view: Record<string, unknown> = {};
  for (const field of fields) if (field in source && field !== 'ID') view[field] = source[field];

  view.creator = userBrief(portal, task.createdBy);
  view.responsible = userBrief(portal, task.responsibleId);
  return view;
}
