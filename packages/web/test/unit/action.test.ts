import { describe, expect, it } from 'vitest';
import { useAction } from '../../src/composables/use-action.js';

describe('a button action', () => {
  it('is busy while its work runs and clears an earlier error', async () => {
    const action = useAction();
    action.error.value = 'earlier';
    let release = () => {};
    const work = new Promise<void>((resolve) => {
      release = resolve;
    });

    const running = action.run(() => work);
    expect(action.busy.value).toBe(true);
    expect(action.error.value).toBeNull();

    release();
    expect(await running).toBe(true);
    expect(action.busy.value).toBe(false);
  });

  it("keeps a failure's sentence and is no longer busy", async () => {
    const action = useAction();

    const done = await action.run(async () => {
      throw new Error('Токен не найден');
    });

    expect(done).toBe(false);
    expect(action.error.value).toBe('Токен не найден');
    expect(action.busy.value).toBe(false);
  });
});
