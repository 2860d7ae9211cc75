import { describe, expect, it, vi } from 'vitest';
import { prefetch, takePrefetched } from '../../src/composables/use-prefetch.js';

describe('prefetch', () => {
  it('hands the page the request the router started, once', async () => {
    const load = vi.fn(async () => 'statistics');
    prefetch('a', load);

    await expect(takePrefetched('a', load)).resolves.toBe('statistics');
    expect(load).toHaveBeenCalledTimes(1);

    await takePrefetched('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not start a second request for the same key', () => {
    const load = vi.fn(async () => 1);
    prefetch('b', load);
    prefetch('b', load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed prefetch so the page asks again', async () => {
    prefetch('c', async () => {
      throw new Error('401');
    });
    await new Promise((done) => setTimeout(done, 0));

    await expect(takePrefetched('c', async () => 'fresh')).resolves.toBe('fresh');
  });
});
