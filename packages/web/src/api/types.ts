// The REST API contract (team brief, "Shared contracts"), the one place the web
// app describes what the server sends. Pages import these types, never re-declare.

export type CleaningType = 'full_wet' | 'sweeping' | 'first_floor' | 'general' | 'unknown';

export type HouseProblem =
  | 'no_address'
  | 'no_coordinates'
  | 'no_schedule_this_month'
  | 'no_management_company'
  | 'no_senior_resident'
  | 'no_brigade'
  | 'no_counts';

export interface NamedRef {
  id: string;
  name: string;
}

export interface SyncRunError {
  code: string;
  message: string;
}

export type SyncRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface SyncRun {
  id: string;
  mode: 'full' | 'incremental';
  status: SyncRunStatus;
  startedAt: string | null;
  finishedAt: string | null;
  phase: string | null;
  done: number;
  total: number;
  requests: number;
  error: SyncRunError | null;
}

export type DoctorCheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One step of the setup guide as the doctor found it. */
export interface DoctorCheck {
  id: string;
  /** The guide's step, e.g. '2.1'. */
  step: string;
  title: string;
  status: DoctorCheckStatus;
  /** What was found, in Russian. */
  detail: string;
  /** What to do; '' when nothing. */
  fix: string;
}

export interface DoctorReport {
  ok: boolean;
  checkedAt: string;
  demo: boolean;
  domain: string | null;
  checks: DoctorCheck[];
}

export interface Health {
  status: 'ok' | 'degraded';
  demo: boolean;
  portal: { domain: string; url?: string } | null;
  lastSync: SyncRun | null;
  version: string;
  doctor?: DoctorReport;
  /** Map tile URL template; null or absent means "no tiles, markers only". */
  mapTileUrl?: string | null;
  /** Which sign-in the server offers besides API tokens (the demo has its own button). */
  signIn?: { bitrix24: boolean };
}

/** An API token as listed: its secret is shown once, by the answer that creates it. */
export interface ApiToken {
  id: string;
  name: string;
  role: 'admin' | 'office';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export type UserRole = 'admin' | 'office' | 'brigade_leader' | 'brigade_member';

export interface SessionUser {
  id: string;
  name: string;
  role: UserRole;
  brigadeId: string | null;
}

export interface Me {
  user: SessionUser;
  demo: boolean;
}

export interface NextCleaning {
  date: string;
  type: CleaningType;
}

export interface HouseSummary {
  id: string;
  title: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  apartments: number | null;
  entrances: number | null;
  floors: number | null;
  area: number | null;
  tariff: string | null;
  brigade: NamedRef | null;
  managementCompany: NamedRef | null;
  seniorResident: (NamedRef & { phone: string | null }) | null;
  periodicity: string | null;
  nextCleaning: NextCleaning | null;
  problems: HouseProblem[];
}

export interface Page<T> {
  total: number;
  page: number;
  limit: number;
  items: T[];
}

export interface ContactCard extends NamedRef {
  phones: string[];
  emails: string[];
}

export interface ScheduledCleaning {
  date: string;
  type: CleaningType;
  typeText: string;
  slot: number;
}

export interface ScheduleMonth {
  month: string;
  periodicity: string | null;
  cleanings: ScheduledCleaning[];
}

export interface HouseField {
  code: string;
  label: string;
  value: string | number | boolean | string[] | null;
}

export interface HouseDetail extends Omit<HouseSummary, 'managementCompany' | 'seniorResident'> {
  contract: string | null;
  serviceStart: string | null;
  stage: string | null;
  responsible: NamedRef | null;
  managementCompany: ContactCard | null;
  seniorResident: ContactCard | null;
  schedule: ScheduleMonth[];
  generalCleaning: { date: string; typeText: string } | null;
  bitrixUrl: string | null;
  fields: HouseField[];
}

export interface Filters {
  brigades: NamedRef[];
  managementCompanies: (NamedRef & { houses: number })[];
  cleaningTypes: { code: CleaningType; name: string }[];
  problems: { code: HouseProblem; name: string }[];
}

export interface ScheduleItem {
  date: string;
  houseId: string;
  address: string | null;
  brigadeId: string | null;
  brigadeName: string | null;
  type: CleaningType;
  typeText: string;
  entrances: number | null;
  floors: number | null;
}

export interface Schedule {
  from: string;
  to: string;
  items: ScheduleItem[];
}

export interface MapHouse {
  id: string;
  address: string | null;
  lat: number;
  lon: number;
  brigadeId: string | null;
}

export interface Employee {
  id: string;
  name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  brigade: NamedRef | null;
  isLeader: boolean;
}

export interface Department {
  id: string;
  name: string;
  leader: NamedRef | null;
  members: (NamedRef & { position: string | null })[];
  houses: number;
  entrances: number;
  apartments: number;
}

export interface Statistics {
  houses: number;
  apartments: number;
  entrances: number;
  floors: number;
  employees: number;
  brigades: number;
  month: string;
  cleaningsByType: { type: CleaningType; count: number }[];
  housesWithProblems: number;
  problems: { code: HouseProblem; count: number }[];
  today: {
    date: string;
    byBrigade: { brigadeId: string | null; name: string; cleanings: number }[];
  };
}

export interface WorkloadDay {
  date: string;
  brigadeId: string | null;
  houses: number;
  entrances: number;
  floorCleanings: number;
}

export interface WorkloadTotal {
  brigadeId: string | null;
  name: string;
  houses: number;
  entrances: number;
  floorCleanings: number;
}

export interface Workload {
  month: string;
  days: WorkloadDay[];
  totals: WorkloadTotal[];
}

export interface FieldMapping {
  pipeline: NamedRef | null;
  roles: { role: string; field: string; label: string }[];
  months: { month: string; slot: number; dateField: string; typeField: string }[];
  unplaced: { field: string; label: string; reason: string }[];
}

export interface ApiErrorBody {
  error: string;
  message: string;
}

export type ActStatus = 'signed' | 'ready' | 'behind' | 'in_progress';

export interface ActSignature {
  date: string;
  by: { id: string | null; name: string };
}

/** One house's act of a month: planned and done cleanings and the signature. */
export interface Act {
  house: { id: string; title: string; address: string | null };
  brigade: NamedRef | null;
  month: string;
  planned: number;
  done: number;
  overdue: number;
  status: ActStatus;
  signature: ActSignature | null;
}

export interface ActStatistics {
  houses: number;
  signed: number;
  ready: number;
  behind: number;
  inProgress: number;
  planned: number;
  done: number;
}

export interface ActsMonth extends Page<Act> {
  month: string;
  statistics: ActStatistics;
}

export interface KpiFigures {
  cleanings: number;
  entrances: number;
  floorCleanings: number;
}

export interface KpiComparison {
  plan: KpiFigures;
  planToDate: KpiFigures;
  fact: KpiFigures;
}

export interface KpiBrigade extends KpiComparison {
  brigadeId: string | null;
  name: string;
}

export interface Kpi {
  month: string;
  brigades: KpiBrigade[];
  total: KpiComparison;
}
