import { describe, expect, it } from 'vitest';
import { shifted } from '../../src/sync/incremental-sync.js';
import { PageLedger } from '../../src/sync/page-ledger.js';
import { progressLine } from '../../src/sync/terminal-progress.js';

describe('page ledger', () => {
  it('moves the resume point only past pages whose predecessors are written', () => {
    const ledger = new PageLedger(0);

    expect(ledger.finish(1, 200)).toBe(0);
    expect(ledger.finish(2, 300)).toBe(0);
    expect(ledger.finish(0, 100)).toBe(300);
    expect(ledger.finish(4, 500)).toBe(300);
    expect(ledger.finish(3, 400)).toBe(500);
  });

  it('starts from a resumed run’s point', () => {
    expect(new PageLedger(7_000).finish(0, 7_050)).toBe(7_050);
  });
});

describe('shifted portal time', () => {
  it('keeps the portal’s offset, so the filter reads as the portal writes dates', () => {
    expect(shifted('2026-12-03T17:00:04+03:00', -5 * 60_000)).toBe('2026-12-03T16:55:04+03:00');
    expect(shifted('2026-12-03T00:02:00+03:00', -5 * 60_000)).toBe('2026-12-02T23:57:00+03:00');
    expect(shifted('2026-12-03T14:00:00Z', -60_000)).toBe('2026-12-03T13:59:00+00:00');
  });
});

describe('progress line', () => {
  it('draws the share done with the phase in Russian', () => {
    const line = progressLine({ phase: 'houses', done: 245, total: 490, requests: 3 });

    expect(line).toContain(' 50% дома 245/490');
    expect(line.startsWith('█'.repeat(15))).toBe(true);
  });
});
