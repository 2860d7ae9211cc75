import type { Kysely } from 'kysely';

import type { OutboxOperation, OutboxWorker, PortalCaller } from '../outbox/index.js';
import type { Database } from '../store/index.js';
import { dealUpdateOperation } from './deal-update-operation.js';
import { HouseEditor } from './house-editor.js';
import { type HouseStoreWrite, storeDeal } from './house-store-write.js';

/**
 * The house edit as the server wires it: the outbox operation the worker runs, and the
 * editor the API calls. Whoever owns the read cache registers with `onStoreWritten`, since
 * a write finished by a background retry changes the store outside any request.
 */
export class HouseEditing {
  readonly operation: OutboxOperation;
  readonly #listeners: Array<() => void> = [];
  readonly #storeWrite: HouseStoreWrite;

  constructor(options: { db: Kysely<Database>; timeZone: string; now?: () => Date }) {
    this.#storeWrite = {
      ...options,
      afterWrite: () => {
        for (const listener of this.#listeners) listener();
      },
    };
    this.operation = dealUpdateOperation({
      timeZone: options.timeZone,
      onWritten: (memberId, deal) => storeDeal(this.#storeWrite, memberId, deal),
    }) as OutboxOperation;
  }

  onStoreWritten(listener: () => void): void {
    this.#listeners.push(listener);
  }

  editor(portal: PortalCaller, worker: Pick<OutboxWorker, 'settle'>, settleMs?: number) {
    return new HouseEditor({
      ...this.#storeWrite,
      portal,
      worker,
      ...(settleMs === undefined ? {} : { settleMs }),
    });
  }
}
