import { describe, expect, it } from 'vitest';
import type { DispatchItem } from '../../src/api/dispatch-api.js';
import {
  dispatchItemHouseId,
  dispatchItemKind,
  dispatchUnderWay,
  sortDispatchItems,
} from '../../src/logic/dispatch.js';

function item(id: string, fields: Partial<DispatchItem>): DispatchItem {
  return {
    id,
    kind: 'bitrix24.task.upsert',
    idempotencyKey: `brigade-plan:${id}:2026-12-04`,
    status: 'done',
    attempts: 1,
    nextAttemptAt: '2026-12-03T15:00:00.000Z',
    lastError: null,
    result: null,
    createdAt: '2026-12-03T15:00:00.000Z',
    updatedAt: '2026-12-03T15:00:00.000Z',
    doneAt: null,
    title: null,
    ...fields,
  };
}

describe('the dispatch page’s entries', () => {
  it('names each kind of write', () => {
    expect(dispatchItemKind(item('1', {}))).toBe('brigadeTask');
    expect(dispatchItemKind(item('2', { idempotencyKey: 'house-plan:7:2026-12-04' }))).toBe(
      'houseTask',
    );
    expect(dispatchItemKind(item('3', { kind: 'bitrix24.calendar.event.upsert' }))).toBe('event');
    expect(dispatchItemKind(item('4', { kind: 'bitrix24.calendar.event.delete' }))).toBe(
      'eventRemoval',
    );
    expect(dispatchItemKind(item('5', { kind: 'bitrix24.crm.timeline.comment' }))).toBe('other');
  });

  it('finds the house of a calendar entry from its key', () => {
    expect(
      dispatchItemHouseId(item('1', { idempotencyKey: 'cleaning-event:2026-12:77:1:0' })),
    ).toBe('77');
    expect(dispatchItemHouseId(item('2', {}))).toBeNull();
  });

  it('puts failures first, then what is under way, and knows when to look again', () => {
    const items = [
      item('1', { status: 'done' }),
      item('2', { status: 'pending' }),
      item('3', { status: 'failed' }),
      item('4', { status: 'running' }),
    ];

    expect(sortDispatchItems(items).map((one) => one.id)).toEqual(['3', '4', '2', '1']);
    expect(dispatchUnderWay(items)).toBe(true);
    expect(dispatchUnderWay([item('1', {}), item('3', { status: 'failed' })])).toBe(false);
  });
});
