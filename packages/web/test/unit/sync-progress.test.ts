import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../../src/api/types.js';
import { isFinished, progressPercent } from '../../src/composables/use-sync-progress.js';
import { dealUrl } from '../../src/logic/bitrix-links.js';

function run(patch: Partial<SyncRun>): SyncRun {
  return {
    id: '1',
    mode: 'full',
    status: 'running',
    startedAt: null,
    finishedAt: null,
    phase: 'houses',
    done: 0,
    total: 0,
    requests: 0,
    error: null,
    ...patch,
  };
}

describe('sync progress', () => {
  it('stops polling only when the run has ended', () => {
    expect(isFinished(run({ status: 'queued' }))).toBe(false);
    expect(isFinished(run({ status: 'running' }))).toBe(false);
    expect(isFinished(run({ status: 'succeeded' }))).toBe(true);
    expect(isFinished(run({ status: 'failed' }))).toBe(true);
  });

  it('shows progress as a bounded percentage', () => {
    expect(progressPercent(run({ done: 0, total: 0 }))).toBe(0);
    expect(progressPercent(run({ done: 245, total: 490 }))).toBe(50);
    expect(progressPercent(run({ done: 600, total: 490 }))).toBe(100);
    expect(progressPercent(run({ status: 'succeeded', done: 0, total: 0 }))).toBe(100);
  });
});

describe('links into Bitrix24', () => {
  it('opens the deal on the portal with no token in the link', () => {
    const url = dealUrl({ domain: 'vas-dom.bitrix24.ru' }, '1042');
    expect(url).toBe('https://vas-dom.bitrix24.ru/crm/deal/details/1042/');
  });

  it('uses the portal address the server gives, and nothing without a portal', () => {
    expect(dealUrl({ domain: 'x', url: 'http://127.0.0.1:4000/' }, '7')).toBe(
      'http://127.0.0.1:4000/crm/deal/details/7/',
    );
    expect(dealUrl(null, '7')).toBeNull();
  });
});
