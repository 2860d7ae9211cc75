import { request, withQuery } from './http.js';

// A date's dispatch: its tasks and calendar events as the outbox holds them, the
// «send now» that stores them, and the «try again» of a failed write.

export type OutboxStatus = 'pending' | 'running' | 'done' | 'failed';

export interface DispatchItem {
  id: string;
  kind: string;
  idempotencyKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: { code: string; message: string } | null;
  result: unknown;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  /** The task title or the event name; null for a removed event. */
  title: string | null;
}

export interface DayDispatchState {
  date: string;
  settings: { tasks: 'brigade' | 'house'; calendar: 'brigade' | 'company' | 'off' };
  counts: Record<OutboxStatus, number>;
  items: DispatchItem[];
}

export const dispatchApi = {
  state: (date: string) => request<DayDispatchState>(withQuery('/api/dispatch', { date })),
  send: (date: string) =>
    request<DayDispatchState>('/api/dispatch', { method: 'POST', body: JSON.stringify({ date }) }),
  retry: (id: string) =>
    request<{ item: DispatchItem }>(`/api/outbox/${encodeURIComponent(id)}/retry`, {
      method: 'POST',
      body: '{}',
    }),
};
