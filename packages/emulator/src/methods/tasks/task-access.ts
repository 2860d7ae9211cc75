import type { SnapshotUser } from '../../snapshot/snapshot-format.js';
import type { TaskRecord } from '../../state/runtime-records.js';

/**
 * Who sees a task: administrators all of them, other users the tasks they created,
 * are responsible for, watch or help with (docs: tasks-task-list.md, "Access to data").
 */
export function canSeeTask(user: SnapshotUser, task: TaskRecord): boolean {
  if (user.IS_ADMIN) return true;
  return (
    task.createdBy === user.ID ||
    task.responsibleId === user.ID ||
    task.auditors.includes(user.ID) ||
    task.accomplices.includes(user.ID)
  );
}
