/**
 * The portal snapshot: the whole state of an emulated Bitrix24 portal as plain JSON.
 *
 * It is the one contract between the demo-portal generator, the `--snapshot FILE`
 * option, the control API's `POST /_emulator/snapshot` and the engine that serves
 * the REST methods. Values are kept the way a real portal returns them from its
 * REST API (CRM ids and numbers as strings, user ids in `user.get` as strings,
 * `ACTIVE` as a boolean), so that a row can be sent back without conversion.
 *
 * Documented for users in packages/emulator/README.md.
 */

/** A CRM multi-field value (`PHONE`, `EMAIL`) as `crm.contact.get` returns it. */
export interface MultiFieldValue {
  ID: string;
  VALUE_TYPE: string;
  VALUE: string;
  TYPE_ID: 'PHONE' | 'EMAIL';
}

/** Scopes as Bitrix24 names them: `crm`, `user`, `user_basic`, `department`, `task`... */
export type Scope = string;

export interface SnapshotPortal {
  /** Portal host name, e.g. `vas-dom.bitrix24.ru`. */
  domain: string;
  /** The portal's `member_id`, a 32-character hex string. */
  memberId: string;
  /** Tariff plan: decides the default leaky-bucket limits. */
  plan: 'standard' | 'enterprise';
  /** IANA zone of the portal; datetimes are rendered with its offset. */
  timeZone: string;
  /** ISO time the snapshot describes as "now"; the emulator clock starts there. */
  now: string;
}

export interface SnapshotUser {
  ID: string;
  ACTIVE: boolean;
  NAME: string;
  LAST_NAME: string;
  SECOND_NAME: string;
  EMAIL: string;
  PERSONAL_MOBILE: string;
  WORK_PHONE: string;
  WORK_POSITION: string;
  UF_DEPARTMENT: number[];
  /** Portal administrator (answered by `user.admin` and `profile.ADMIN`). */
  IS_ADMIN: boolean;
  DATE_REGISTER: string;
  TIME_ZONE: string;
}

export interface SnapshotDepartment {
  ID: string;
  NAME: string;
  SORT: number;
  /** Parent department id; absent for the root (the company). */
  PARENT?: string;
  /** Head of the department, a user id. */
  UF_HEAD?: string;
}

export interface SnapshotCategory {
  id: number;
  name: string;
  sort: number;
  entityTypeId: 2;
  isDefault: 'Y' | 'N';
}

/** A row of `crm.status.list`: a deal stage of one pipeline. */
export interface SnapshotStatus {
  ID: string;
  ENTITY_ID: string;
  STATUS_ID: string;
  NAME: string;
  SORT: string;
  SYSTEM: 'Y' | 'N';
  CATEGORY_ID: string;
  SEMANTICS: 'S' | 'F' | null;
}

export interface EnumerationItem {
  ID: string;
  VALUE: string;
  SORT: string;
  DEF: 'Y' | 'N';
  XML_ID: string;
}

/** A deal user field as `crm.deal.userfield.list` describes it. */
export interface SnapshotUserField {
  ID: string;
  ENTITY_ID: 'CRM_DEAL';
  FIELD_NAME: string;
  USER_TYPE_ID: 'string' | 'double' | 'integer' | 'enumeration' | 'datetime' | 'date' | 'address';
  XML_ID: string | null;
  SORT: string;
  MULTIPLE: 'Y' | 'N';
  MANDATORY: 'Y' | 'N';
  /** Labels by language id, e.g. `{ ru: 'Дата уборки 1 | Сентябрь 2025', en: '' }`. */
  EDIT_FORM_LABEL: Record<string, string>;
  LIST_COLUMN_LABEL: Record<string, string>;
  LIST_FILTER_LABEL: Record<string, string>;
  /** Enumeration items; only for `USER_TYPE_ID: 'enumeration'`. */
  LIST?: EnumerationItem[];
}

/**
 * A deal. Standard fields are typed; user fields (`UF_CRM_*`) are kept as values the
 * portal returns: strings, `false` for an empty single value, arrays for multiple.
 */
export interface SnapshotDeal {
  ID: string;
  TITLE: string;
  CATEGORY_ID: string;
  STAGE_ID: string;
  STAGE_SEMANTIC_ID: 'P' | 'S' | 'F';
  COMPANY_ID: string;
  CONTACT_ID: string | null;
  ASSIGNED_BY_ID: string;
  CREATED_BY_ID: string;
  MODIFY_BY_ID: string;
  OPPORTUNITY: string;
  CURRENCY_ID: string;
  OPENED: 'Y' | 'N';
  CLOSED: 'Y' | 'N';
  COMMENTS: string | null;
  BEGINDATE: string;
  CLOSEDATE: string;
  DATE_CREATE: string;
  DATE_MODIFY: string;
  [userField: `UF_CRM_${string}`]: unknown;
}

export interface SnapshotCompany {
  ID: string;
  TITLE: string;
  COMPANY_TYPE: string;
  ASSIGNED_BY_ID: string;
  ADDRESS: string | null;
  PHONE?: MultiFieldValue[];
  EMAIL?: MultiFieldValue[];
  DATE_CREATE: string;
  DATE_MODIFY: string;
}

export interface SnapshotContact {
  ID: string;
  NAME: string;
  LAST_NAME: string;
  SECOND_NAME: string;
  POST: string | null;
  COMPANY_ID: string | null;
  ASSIGNED_BY_ID: string;
  PHONE?: MultiFieldValue[];
  EMAIL?: MultiFieldValue[];
  DATE_CREATE: string;
  DATE_MODIFY: string;
}

/** An incoming webhook: `/rest/{userId}/{code}/`. */
export interface SnapshotWebhook {
  userId: string;
  code: string;
  scopes: Scope[];
  title: string;
}

/** A local application registered on the portal (not necessarily installed). */
export interface SnapshotApplication {
  clientId: string;
  clientSecret: string;
  scopes: Scope[];
  /** The application's page, opened in the portal's frame. */
  appUrl: string;
  /** Where `ONAPPINSTALL` is posted. */
  installUrl: string;
}

export interface PortalSnapshot {
  /** Format version; the engine refuses a snapshot of another major version. */
  version: 1;
  portal: SnapshotPortal;
  users: SnapshotUser[];
  departments: SnapshotDepartment[];
  categories: SnapshotCategory[];
  statuses: SnapshotStatus[];
  dealUserFields: SnapshotUserField[];
  deals: SnapshotDeal[];
  companies: SnapshotCompany[];
  contacts: SnapshotContact[];
  webhooks: SnapshotWebhook[];
  applications: SnapshotApplication[];
}
