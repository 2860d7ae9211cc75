import type { QueryValue } from '../api/http.js';
import type { Act, ActStatus, UserRole } from '../api/types.js';
import { monthOrDefault } from './date-presets.js';

// The acts page's state lives in the address bar (month, status, brigade, search,
// page), so a reload or a shared link shows the same list.

export const ACT_STATUSES: readonly ActStatus[] = ['behind', 'in_progress', 'ready', 'signed'];
export const ACTS_PAGE_SIZE = 50;

export interface ActsQuery {
  month: string;
  status: ActStatus | '';
  brigadeId: string;
  q: string;
  page: number;
}

type RouteQuery = Record<string, unknown>;

export function parseActsQuery(query: RouteQuery, currentMonth: string): ActsQuery {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  const month = monthOrDefault(query.month, currentMonth);
  const status = ACT_STATUSES.find((value) => value === text('status')) ?? '';
  const brigadeId = /^\d+$/.test(text('brigadeId')) ? text('brigadeId') : '';
  const page = Number.parseInt(text('page'), 10);

  return { month, status, brigadeId, q: text('q'), page: page > 0 ? page : 1 };
}

/** The address bar's form: empty values and the first page left out. */
export function actsQueryToRoute(query: ActsQuery): Record<string, string> {
  const route: Record<string, string> = { month: query.month };
  if (query.status) route.status = query.status;
  if (query.brigadeId) route.brigadeId = query.brigadeId;
  if (query.q) route.q = query.q;
  if (query.page > 1) route.page = String(query.page);
  return route;
}

export function actsQueryToApi(query: ActsQuery): Record<string, QueryValue> {
  const { page, ...filters } = query;
  return { ...filters, page, limit: ACTS_PAGE_SIZE };
}

/** The XLSX of what the page shows, every page of it. */
export function actsExportUrl(query: ActsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(actsQueryToRoute({ ...query, page: 1 }))) {
    params.set(key, value);
  }
  return `/api/acts/export?${params.toString()}`;
}

/** Done out of planned, 0–100; a month with nothing planned counts as complete. */
export function donePercent(done: number, planned: number): number {
  if (planned <= 0) return 100;
  return Math.min(100, Math.round((done / planned) * 100));
}

/** Only the office and admins sign acts, and not for a month ahead; the server checks too. */
export function canSignActs(
  role: UserRole | undefined,
  month: string,
  currentMonth: string,
): boolean {
  return (role === 'office' || role === 'admin') && month <= currentMonth;
}

/** What the acts table and its phone cards show. */
export interface ActListProps {
  acts: Act[];
  /** The viewer may sign: each act has the sign button. */
  signer: boolean;
  /** The house whose signature is being changed; every button waits meanwhile. */
  busyHouse: string | null;
}

/** How a list names an act's house: its address, or the deal's title when it has none. */
export function actAddress(act: Act): string {
  return act.house.address ?? act.house.title;
}

/** What the row's button does: sign an unsigned act, take back a signed one. */
export function actAction(act: Act): 'sign' | 'unsign' {
  return act.signature ? 'unsign' : 'sign';
}

type BadgeColor = 'air-primary-success' | 'air-primary' | 'air-secondary-alert' | 'air-tertiary';

/** Badge colours by status, from the kit's palette. */
export const ACT_STATUS_COLORS: Readonly<Record<ActStatus, BadgeColor>> = {
  signed: 'air-primary-success',
  ready: 'air-primary',
  behind: 'air-secondary-alert',
  in_progress: 'air-tertiary',
};
