import type { PortalCaller } from '../../../src/outbox/index.js';

/** A portal whose first call of `method` first runs `before` (a person editing the deal). */
export function racing(
  portal: PortalCaller,
  method: string,
  before: () => Promise<void>,
): PortalCaller {
  let raced = false;
  return {
    call: (async (name: string, params?: Record<string, unknown>, options?: object) => {
      if (name === method && !raced) {
        raced = true;
        await before();
      }
      return portal.call(name, params, options);
    }) as PortalCaller['call'],
  };
}
