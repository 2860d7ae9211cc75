import { completionsApi } from './completions-api.js';
import { type QueryValue, request, withQuery } from './http.js';
import type {
  Act,
  ActsMonth,
  ApiToken,
  CreatedApiToken,
  Department,
  Employee,
  FieldMapping,
  Filters,
  Health,
  HouseDetail,
  HouseSummary,
  Kpi,
  MapHouse,
  Me,
  Page,
  Schedule,
  Statistics,
  SyncRun,
  Workload,
} from './types.js';

// Every endpoint the web app calls, typed by the contract in ./types.ts.

const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  body: body === undefined ? undefined : JSON.stringify(body),
});

const actSignature = (month: string, houseId: string) =>
  `/api/acts/${encodeURIComponent(month)}/houses/${encodeURIComponent(houseId)}/signature`;

export const api = {
  health: (details = false) =>
    request<Health>(withQuery('/api/health', { details: details ? 1 : null })),

  me: () => request<Me>('/api/auth/me'),
  signInDemo: () => request<Me>('/api/auth/demo', post({})),
  signOut: () => request<void>('/api/auth/logout', post({})),

  apiTokens: () => request<{ items: ApiToken[] }>('/api/tokens'),
  createApiToken: (name: string, role: ApiToken['role']) =>
    request<CreatedApiToken>('/api/tokens', post({ name, role })),
  revokeApiToken: (id: string) =>
    request<{ token: ApiToken }>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  houses: (params: URLSearchParams) =>
    request<Page<HouseSummary>>(withQuery('/api/cleaning/houses', params)),
  house: (id: string) => request<HouseDetail>(`/api/cleaning/houses/${encodeURIComponent(id)}`),
  filters: () => request<Filters>('/api/cleaning/filters'),
  schedule: (from: string, to: string, brigadeId?: string) =>
    request<Schedule>(withQuery('/api/cleaning/schedule', { from, to, brigadeId })),
  map: (brigadeId?: string) =>
    request<{ items: MapHouse[] }>(withQuery('/api/cleaning/map', { brigadeId })),

  employees: (query: { brigadeId?: string; active?: boolean; q?: string } = {}) =>
    request<{ total: number; items: Employee[] }>(withQuery('/api/dashboard/employees', query)),
  departments: () => request<{ items: Department[] }>('/api/dashboard/departments'),
  statistics: () => request<Statistics>('/api/dashboard/statistics'),
  workload: (month: string, brigadeId?: string) =>
    request<Workload>(withQuery('/api/dashboard/workload', { month, brigadeId })),

  acts: (query: Record<string, QueryValue>) => request<ActsMonth>(withQuery('/api/acts', query)),
  signAct: (month: string, houseId: string, date?: string) =>
    request<Act>(actSignature(month, houseId), { method: 'PUT', body: JSON.stringify({ date }) }),
  unsignAct: (month: string, houseId: string) =>
    request<void>(actSignature(month, houseId), { method: 'DELETE' }),
  kpi: (month: string, brigadeId?: string) =>
    request<Kpi>(withQuery('/api/kpi', { month, brigadeId })),

  mapping: () => request<FieldMapping>('/api/connection/mapping'),
  startSync: (mode: SyncRun['mode']) => request<{ run: SyncRun }>('/api/sync', post({ mode })),
  syncRuns: () => request<{ items: SyncRun[] }>('/api/sync/runs'),
  syncRun: (id: string) => request<SyncRun>(`/api/sync/runs/${encodeURIComponent(id)}`),

  ...completionsApi,
};
