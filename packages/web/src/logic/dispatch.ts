import type { DispatchItem } from '../api/dispatch-api.js';

// How the dispatch page names and orders the outbox entries of a date.

export type DispatchItemKind = 'brigadeTask' | 'houseTask' | 'event' | 'eventRemoval' | 'other';

export function dispatchItemKind(
  item: Pick<DispatchItem, 'kind' | 'idempotencyKey'>,
): DispatchItemKind {
  if (item.kind === 'bitrix24.task.upsert') {
    return item.idempotencyKey.startsWith('house-plan:') ? 'houseTask' : 'brigadeTask';
  }
  if (item.kind === 'bitrix24.calendar.event.upsert') return 'event';
  if (item.kind === 'bitrix24.calendar.event.delete') return 'eventRemoval';
  return 'other';
}

/** The house of a calendar entry, from its key `cleaning-event:<month>:<house>:<slot>:<n>`. */
export function dispatchItemHouseId(item: Pick<DispatchItem, 'idempotencyKey'>): string | null {
  const parts = item.idempotencyKey.split(':');
  return parts[0] === 'cleaning-event' && parts.length === 5 ? (parts[2] ?? null) : null;
}

const statusOrder = { failed: 0, running: 1, pending: 2, done: 3 } as const;

/** Failures first (they need a person), then what is under way, then what is done. */
export function sortDispatchItems(items: readonly DispatchItem[]): DispatchItem[] {
  return [...items].sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || Number(a.id) - Number(b.id),
  );
}

/** True while something is still to be sent: the page keeps looking. */
export function dispatchUnderWay(items: readonly DispatchItem[]): boolean {
  return items.some((item) => item.status === 'pending' || item.status === 'running');
}
