import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The store's tables as TypeScript sees them.
 *
 * Naming: the database uses snake_case (`management_companies.member_id`); the store's
 * Kysely instance carries `CamelCasePlugin`, so queries and rows use camelCase
 * (`db.selectFrom('managementCompanies').select('memberId')`). Raw `sql` fragments are
 * not translated: write snake_case inside them.
 *
 * Portable types, the same values on SQLite and PostgreSQL:
 * - timestamps are ISO 8601 UTC strings (`2025-09-16T00:00:00.000Z`), dates `YYYY-MM-DD`,
 *   months `YYYY-MM`;
 * - booleans are integers 0/1 (`Flag`);
 * - JSON is text (`JsonText`): parse on read, `JSON.stringify` on write;
 * - Bitrix24 ids are numbers (bigint columns, parsed to numbers on PostgreSQL).
 *
 * Every table names the portal (`memberId`): one installation serves several portals,
 * so every key and unique constraint starts with it.
 */

export type Timestamp = string;
export type IsoDate = string;
export type JsonText = string;
export type Flag = 0 | 1;

/** Generated on insert, never written by hand. */
type AutoId = Generated<number>;

export type AuthKind = 'webhook' | 'application' | 'demo';

export interface PortalsTable {
  memberId: string;
  domain: string;
  authKind: AuthKind;
  /** OAuth tokens, sealed with the secret key (see secret-box.ts); null for a webhook. */
  accessToken: string | null;
  refreshToken: string | null;
  accessExpiresAt: Timestamp | null;
  /** Sealed too: it authenticates the portal's event deliveries. */
  applicationToken: string | null;
  serverEndpoint: string | null;
  clientEndpoint: string | null;
  scope: string | null;
  status: 'active' | 'uninstalled';
  installedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type CleaningTypeCode = 'full_wet' | 'sweeping' | 'first_floor' | 'general' | 'unknown';

export interface HousesTable {
  memberId: string;
  /** The deal id. */
  id: number;
  title: string;
  categoryId: number;
  stageId: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  apartments: number | null;
  entrances: number | null;
  floors: number | null;
  area: number | null;
  /** The deal's text as written, e.g. `3 // 125`. */
  tariff: string | null;
  tariffCount: number | null;
  tariffPrice: number | null;
  contract: string | null;
  serviceStart: IsoDate | null;
  managementCompanyId: number | null;
  seniorResidentId: number | null;
  responsibleId: number | null;
  brigadeId: number | null;
  generalCleaningDate: IsoDate | null;
  generalCleaningText: string | null;
  /** Periodicity label of the month the house was last synced in. */
  periodicityCurrent: string | null;
  /**
   * The first cleaning on or after `nextCleaningAsOf` (the list's sort key), null when
   * there is none. Still right on a later day until that date passes, so readers trust
   * it only while it is today or later (or null with `nextCleaningAsOf` set).
   * Optional on insert: a row written without them is «not known», never «none».
   */
  nextCleaningDate: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  /** The day (company zone) `nextCleaningDate` was worked out on; null: not known. */
  nextCleaningAsOf: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  /** The type of the first slot on `nextCleaningDate`; null: none, or not known. */
  nextCleaningType: ColumnType<
    CleaningTypeCode | null,
    CleaningTypeCode | null | undefined,
    CleaningTypeCode | null
  >;
  /**
   * Fingerprint of the cleanings the house's `cleanings` rows hold, as the deal planned
   * them; a write with the same plan leaves those rows alone. Null: not known (written
   * before fingerprints, or the cleanings were dropped), so the next write rewrites them.
   */
  planFingerprint: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * JSON array of HouseProblem codes, as of the last sync. Known shortcoming:
   * `no_schedule_this_month` and `periodicityCurrent` go stale at midnight of the 1st
   * until the next sync (the nightly full sync at the latest); readers that need the
   * month exactly compute it from `cleanings`.
   */
  problems: JsonText;
  /** JSON object of every UF_CRM_* field of the deal as Bitrix24 sent it. */
  rawFields: JsonText;
  /** Address and title normalised for search (lowercase, ё→е, single spaces). */
  searchText: string;
  dealModifiedAt: Timestamp | null;
  syncedAt: Timestamp;
  /** Set when the deal left the pipeline or was deleted; the row stays for history. */
  deletedAt: Timestamp | null;
}

export interface CleaningsTable {
  memberId: string;
  houseId: number;
  date: IsoDate;
  cleaningType: CleaningTypeCode;
  /** Enumeration item id of the type field, when the type came from one. */
  typeId: number | null;
  typeText: string | null;
  /** Schedule slot 1 or 2; 0 for the general cleaning. */
  slot: number;
  month: string;
  /** The user field the date came from. */
  sourceField: string;
}

/**
 * Each house as one item of the houses list (read-model/house-list-items.ts): the JSON
 * text of the item, less its opening brace and its next cleaning, and the house's
 * stored next cleaning, which the reader checks against today.
 */
export interface HouseListItemsTable {
  memberId: string;
  houseId: number;
  /** The item as JSON, its next cleaning first (read-model/house-list-items.ts). */
  item: string;
  nextCleaningDate: IsoDate | null;
  nextCleaningType: CleaningTypeCode | null;
  nextCleaningAsOf: IsoDate | null;
}

export interface ManagementCompaniesTable {
  memberId: string;
  id: number;
  name: string;
  /** JSON array of strings. */
  phones: JsonText;
  emails: JsonText;
  address: string | null;
  modifiedAt: Timestamp | null;
  syncedAt: Timestamp;
  deletedAt: Timestamp | null;
}

export interface SeniorResidentsTable {
  memberId: string;
  id: number;
  name: string;
  phones: JsonText;
  emails: JsonText;
  modifiedAt: Timestamp | null;
  syncedAt: Timestamp;
  deletedAt: Timestamp | null;
}

export interface EmployeesTable {
  memberId: string;
  id: number;
  name: string;
  firstName: string | null;
  lastName: string | null;
  secondName: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  active: Flag;
  /** JSON array of department ids (UF_DEPARTMENT). */
  departmentIds: JsonText;
  brigadeId: number | null;
  /** Head of their brigade. */
  isLeader: Flag;
  isAdmin: Flag;
  searchText: string;
  syncedAt: Timestamp;
  deletedAt: Timestamp | null;
}

/**
 * Every department of the portal; `isBrigade = 1` marks the brigades (see the domain's
 * brigade rules). Kept whole so the doctor and the rules can see the tree.
 */
export interface BrigadesTable {
  memberId: string;
  id: number;
  name: string;
  parentId: number | null;
  headId: number | null;
  sort: number | null;
  isBrigade: Flag;
  syncedAt: Timestamp;
}

export interface EnumerationsTable {
  memberId: string;
  /** The user field, e.g. UF_CRM_1669706461111. */
  fieldName: string;
  itemId: number;
  value: string;
  sort: number | null;
  /** Normalised type when the field is a cleaning-type field, else null. */
  cleaningType: CleaningTypeCode | null;
}

export interface FieldMappingsTable {
  memberId: string;
  fieldName: string;
  /** A FieldRole of the domain, or `scheduleDate` / `scheduleType`. */
  role: string;
  label: string;
  /** `YYYY-MM` for schedule fields, else null. */
  month: string | null;
  /** 1 or 2 for schedule fields, else null. */
  slot: number | null;
  /** `label` or `override`: how the field was placed. */
  source: string;
}

export interface FieldMappingReportsTable {
  memberId: string;
  pipelineId: number | null;
  pipelineName: string | null;
  /** JSON array of {field, label, reason}. */
  unplaced: JsonText;
  discoveredAt: Timestamp;
}

export type SyncMode = 'full' | 'incremental';
export type SyncStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface SyncRunsTable {
  id: AutoId;
  memberId: string;
  mode: SyncMode;
  status: SyncStatus;
  phase: string | null;
  done: number;
  total: number | null;
  requests: number;
  queuedAt: Timestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  /** Updated while running; a stale heartbeat means the process died (resume it). */
  heartbeatAt: Timestamp | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** JSON: where to resume (phase, last id ...), owned by the sync. */
  checkpoint: JsonText | null;
}

export type UserRole = 'admin' | 'office' | 'brigade_leader' | 'brigade_member';

export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  tokenHash: string;
  memberId: string;
  userId: number | null;
  userName: string;
  role: UserRole;
  brigadeId: number | null;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  lastSeenAt: Timestamp | null;
}

export interface ApiTokensTable {
  id: AutoId;
  memberId: string;
  name: string;
  /** SHA-256 of the token; the token is shown once, never stored. */
  tokenHash: string;
  role: UserRole;
  userId: number | null;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobsTable {
  id: AutoId;
  memberId: string;
  kind: string;
  /** Idempotency: one live job per (memberId, kind, dedupeKey). */
  dedupeKey: string;
  payload: JsonText;
  status: JobStatus;
  attempts: Generated<number>;
  maxAttempts: number;
  runAt: Timestamp;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed';

/** A write to Bitrix24, stored before it is made (see packages/server/src/outbox). */
export interface OutboxTable {
  id: AutoId;
  memberId: string;
  /** The operation, e.g. `bitrix24.task.upsert`. */
  kind: string;
  /** One row per remote object and intent, e.g. `brigade-plan:12:2025-09-16`. */
  idempotencyKey: string;
  payload: JsonText;
  status: OutboxStatus;
  attempts: Generated<number>;
  /** Raised by every enqueue: a run over an older payload cannot mark a newer one done. */
  revision: Generated<number>;
  nextAttemptAt: Timestamp;
  /** While running: the lease; past it, the run is taken for crashed and picked up again. */
  lockedUntil: Timestamp | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  /** JSON: what the write produced, e.g. `{"taskId": 42}`. */
  result: JsonText | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  doneAt: Timestamp | null;
}

/** A signed act of works of one house and month; no row means not signed. */
export interface ActsTable {
  memberId: string;
  houseId: number;
  /** `YYYY-MM`. */
  month: string;
  /** The date written on the act. */
  signedOn: IsoDate;
  /** The employee who signed it; null when signed with the bootstrap admin token. */
  signedById: number | null;
  signedByName: string;
  /** When it was marked signed in AudioBot. */
  signedAt: Timestamp;
}

/** `withdrawn`: the office took a wrong mark back; the cleaning counts as not marked. */
export type CompletionStatus = 'done' | 'not_done' | 'withdrawn';

/** A brigade's answer for one planned cleaning (see packages/server/src/completions). */
export interface CompletionsTable {
  id: AutoId;
  memberId: string;
  houseId: number;
  /** The cleaning it answers: house, date, type and slot as in `cleanings`. */
  date: IsoDate;
  cleaningType: CleaningTypeCode;
  slot: number;
  /** The house's brigade when it was marked. */
  brigadeId: number | null;
  status: CompletionStatus;
  /** Why it was not done; null when done. */
  reason: string | null;
  photoCount: number;
  /** The employee who marked it; null for the bootstrap admin token. */
  authorId: number | null;
  authorName: string;
  createdAt: Timestamp;
}

/** The office's correction of a completion: what it was, what it became, who and why. */
export interface CompletionChangesTable {
  id: AutoId;
  memberId: string;
  completionId: number;
  houseId: number;
  date: IsoDate;
  statusBefore: CompletionStatus;
  reasonBefore: string | null;
  /** Who had made the mark that was changed. */
  authorBefore: string;
  statusAfter: CompletionStatus;
  reasonAfter: string | null;
  /** Why the office changed it. */
  note: string;
  /** The employee who changed it; null for the bootstrap admin token. */
  changedById: number | null;
  changedByName: string;
  changedAt: Timestamp;
}

/** A photo of a completion; the file lives in the photo folder under `fileName`. */
export interface CompletionPhotosTable {
  id: AutoId;
  memberId: string;
  completionId: number;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Timestamp;
}

export interface Database {
  portals: PortalsTable;
  houses: HousesTable;
  cleanings: CleaningsTable;
  houseListItems: HouseListItemsTable;
  managementCompanies: ManagementCompaniesTable;
  seniorResidents: SeniorResidentsTable;
  employees: EmployeesTable;
  brigades: BrigadesTable;
  enumerations: EnumerationsTable;
  fieldMappings: FieldMappingsTable;
  fieldMappingReports: FieldMappingReportsTable;
  syncRuns: SyncRunsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  jobs: JobsTable;
  outbox: OutboxTable;
  completions: CompletionsTable;
  completionPhotos: CompletionPhotosTable;
  completionChanges: CompletionChangesTable;
  acts: ActsTable;
}

export type TableName = keyof Database;

export type House = Selectable<HousesTable>;
export type NewHouse = Insertable<HousesTable>;
export type Cleaning = Selectable<CleaningsTable>;
export type NewCleaning = Insertable<CleaningsTable>;
export type ManagementCompany = Selectable<ManagementCompaniesTable>;
export type SeniorResident = Selectable<SeniorResidentsTable>;
export type Employee = Selectable<EmployeesTable>;
export type Brigade = Selectable<BrigadesTable>;
export type Enumeration = Selectable<EnumerationsTable>;
export type FieldMappingRow = Selectable<FieldMappingsTable>;
export type SyncRun = Selectable<SyncRunsTable>;
export type SyncRunUpdate = Updateable<SyncRunsTable>;
export type Portal = Selectable<PortalsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type Job = Selectable<JobsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Completion = Selectable<CompletionsTable>;
export type CompletionPhoto = Selectable<CompletionPhotosTable>;
export type Act = Selectable<ActsTable>;
