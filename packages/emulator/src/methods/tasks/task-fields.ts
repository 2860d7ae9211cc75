/**
 * Task field names: clients send UPPER_CASE (`RESPONSIBLE_ID`, `UF_CRM_TASK`), the
 * portal answers camelCase (`responsibleId`, `ufCrmTask`)
 * (docs: api-reference/tasks/tasks-task-add.md, tasks-task-list.md).
 */
export function camelCaseOf(field: string): string {
  if (/^[a-z][a-zA-Z0-9]*$/.test(field)) return field;
  return field
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * Filter keys of `tasks.task.list` that do not name their answer field: one tag, one
 * accomplice or auditor among the task's, the real status (docs: tasks-task-list.md,
 * "filter"). Other keys are the UPPER_CASE form of the answer field.
 */
const filterFields: Record<string, string> = {
  TAG: 'tags',
  ACCOMPLICE: 'accomplices',
  AUDITOR: 'auditors',
  REAL_STATUS: 'status',
};

export function taskFilterField(key: string): string {
  return filterFields[key.toUpperCase()] ?? camelCaseOf(key);
}

/** Fields `tasks.task.*` return unless `select` narrows them; user fields only on request. */
export const defaultTaskFields = [
  'id',
  'parentId',
  'title',
  'description',
  'status',
  'priority',
  'groupId',
  'createdBy',
  'responsibleId',
  'changedBy',
  'createdDate',
  'changedDate',
  'closedDate',
  'deadline',
  'startDatePlan',
  'endDatePlan',
  'auditors',
  'accomplices',
  'tags',
] as const;

/** Task statuses (`status`): 2 pending, 3 in progress, 4 supposedly done, 5 done, 6 deferred. */
export const TASK_STATUS_PENDING = '2';
export const TASK_STATUS_DONE = '5';
