/**
 * Records that a portal creates at run time through REST (tasks, calendar events,
 * timeline comments, notifications, event handlers). They are not part of the
 * snapshot: a reset empties them.
 */

/** A task as stored: already in the camelCase shape `tasks.task.get` answers. */
export interface TaskRecord {
  ID: string;
  id: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  responsibleId: string;
  createdBy: string;
  changedBy: string;
  groupId: string;
  parentId: string | null;
  deadline: string | null;
  startDatePlan: string | null;
  endDatePlan: string | null;
  createdDate: string;
  changedDate: string;
  closedDate: string | null;
  auditors: string[];
  accomplices: string[];
  tags: string[];
  ufCrmTask: string[];
}

/** A task's checklist item as `task.checklistitem.getlist` answers it (strings, Y/N). */
export interface ChecklistItemRecord {
  ID: string;
  TASK_ID: string;
  /** `0` for a checklist itself (the root its items hang under). */
  PARENT_ID: string;
  CREATED_BY: string;
  TITLE: string;
  SORT_INDEX: string;
  IS_COMPLETE: 'Y' | 'N';
  IS_IMPORTANT: 'Y' | 'N';
  TOGGLED_BY: string | null;
  TOGGLED_DATE: string;
}

export interface CalendarEventRecord {
  ID: string;
  type: string;
  ownerId: string;
  sectionId: string;
  name: string;
  description: string;
  from: string;
  to: string;
  skipTime: 'Y' | 'N';
  timezoneFrom: string;
  timezoneTo: string;
  location: string;
  color: string;
  accessibility: string;
  importance: string;
  isMeeting: boolean;
  attendees: string[];
  /** CRM bindings (`crm_fields`), e.g. `D_12`; shown as UF_CRM_CAL_EVENT. */
  crmFields: string[];
  createdBy: string;
  dateCreate: string;
  timestampX: string;
}

export interface CalendarSectionRecord {
  ID: string;
  NAME: string;
  CAL_TYPE: string;
  OWNER_ID: string;
  COLOR: string;
  TEXT_COLOR: string;
  DESCRIPTION: string;
  CREATED_BY: string;
  DATE_CREATE: string;
}

export interface TimelineCommentRecord {
  ID: string;
  ENTITY_ID: string;
  ENTITY_TYPE: string;
  CREATED: string;
  COMMENT: string;
  AUTHOR_ID: string;
  FILES: unknown[];
}

export interface NotificationRecord {
  ID: string;
  userId: string;
  message: string;
  tag: string;
  fromApplication: string | null;
  createdAt: string;
}

/** A handler bound with `event.bind`, or an outgoing webhook from the control API. */
export interface EventBindingRecord {
  ID: string;
  event: string;
  handler: string;
  /** The application that bound it; null for an outgoing webhook. */
  clientId: string | null;
  /** The user whose tokens go with the event (`auth[user_id]`). */
  userId: string;
  /** Sent as `auth[application_token]`; an outgoing webhook has its own. */
  applicationToken: string;
}

/** An installed local application. */
export interface InstallationRecord {
  clientId: string;
  /** The secret the portal signs this application's events with. */
  applicationToken: string;
  /** The administrator who installed it. */
  userId: string;
  installedAt: string;
}
