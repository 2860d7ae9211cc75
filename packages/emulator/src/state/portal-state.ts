import type {
  PortalSnapshot,
  SnapshotApplication,
  SnapshotCategory,
  SnapshotCompany,
  SnapshotContact,
  SnapshotDeal,
  SnapshotDepartment,
  SnapshotPortal,
  SnapshotStatus,
  SnapshotUser,
  SnapshotUserField,
  SnapshotWebhook,
} from '../snapshot/snapshot-format.js';
import { IdTable } from './id-table.js';
import type {
  CalendarEventRecord,
  CalendarSectionRecord,
  ChecklistItemRecord,
  EventBindingRecord,
  InstallationRecord,
  NotificationRecord,
  TaskRecord,
  TimelineCommentRecord,
} from './runtime-records.js';

/**
 * Everything one emulated portal holds, indexed for the REST methods. Rows are never
 * changed in place: a write replaces the row, so the loaded snapshot serves `reset()`.
 */
export class PortalState {
  readonly portal: SnapshotPortal;
  readonly users: IdTable<SnapshotUser>;
  readonly departments: IdTable<SnapshotDepartment>;
  readonly categories: SnapshotCategory[];
  readonly statuses: SnapshotStatus[];
  readonly dealUserFields: SnapshotUserField[];
  readonly deals: IdTable<SnapshotDeal>;
  readonly companies: IdTable<SnapshotCompany>;
  readonly contacts: IdTable<SnapshotContact>;
  /** Incoming webhooks by their secret code. */
  readonly webhooks = new Map<string, SnapshotWebhook>();
  /** Local applications by client id. */
  readonly applications = new Map<string, SnapshotApplication>();

  readonly tasks = new IdTable<TaskRecord>();
  readonly checklistItems = new IdTable<ChecklistItemRecord>();
  readonly calendarEvents = new IdTable<CalendarEventRecord>();
  readonly calendarSections = new IdTable<CalendarSectionRecord>();
  readonly timelineComments = new IdTable<TimelineCommentRecord>();
  readonly notifications = new IdTable<NotificationRecord>();
  readonly eventBindings = new IdTable<EventBindingRecord>();
  /** Installed applications by client id. */
  readonly installations = new Map<string, InstallationRecord>();

  /** Set by the control API: every REST call then answers PORTAL_DELETED. */
  deleted = false;

  constructor(snapshot: PortalSnapshot) {
    if (snapshot.version !== 1) {
      throw new Error(`Unsupported snapshot version ${String(snapshot.version)}; expected 1`);
    }

    this.portal = { ...snapshot.portal };
    this.users = new IdTable(snapshot.users);
    this.departments = new IdTable(snapshot.departments);
    this.categories = snapshot.categories;
    this.statuses = snapshot.statuses;
    this.dealUserFields = snapshot.dealUserFields;
    this.deals = new IdTable(snapshot.deals);
    this.companies = new IdTable(snapshot.companies);
    this.contacts = new IdTable(snapshot.contacts);

    for (const webhook of snapshot.webhooks) this.webhooks.set(webhook.code, { ...webhook });
    for (const application of snapshot.applications) {
      this.applications.set(application.clientId, { ...application });
    }
  }

  /** The first active administrator: the person "logged in" to the emulated portal. */
  adminUser(): SnapshotUser | undefined {
    return this.users.values().find((user) => user.IS_ADMIN && user.ACTIVE);
  }
}
