import type { EmulatorLogger } from '../log/emulator-logger.js';
import type { EventBindingRecord } from '../state/runtime-records.js';
import { type DeliveryOutcome, deliver, encodeEventCall } from './event-delivery.js';

export interface EventSource {
  bindings(): Iterable<EventBindingRecord>;
  /** The `auth[...]` block for a binding, or null if its application is gone. */
  authFor(binding: EventBindingRecord): Record<string, string | number> | null;
  nowSeconds(): number;
}

export type AuthOverride = (binding: EventBindingRecord) => Record<string, string | number> | null;

const MAX_OUTCOMES = 1000;

/**
 * Sends the events that REST calls and the control API cause to every bound handler,
 * asynchronously and once. Tests await `idle()` to see the deliveries.
 */
export class EventDispatcher {
  private pending = new Set<Promise<void>>();
  private outcomes: DeliveryOutcome[] = [];

  constructor(
    private readonly source: EventSource,
    private readonly logger: EmulatorLogger,
  ) {}

  /** `auth` overrides the usual auth block, e.g. ONAPPUNINSTALL carries no tokens. */
  emit(event: string, data: Record<string, unknown>, auth?: AuthOverride): void {
    const name = event.toUpperCase();
    for (const binding of [...this.source.bindings()]) {
      if (binding.event === name) this.schedule(binding, name, data, auth);
    }
  }

  /** Resolves once every event emitted so far has been delivered or has failed. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  deliveries(): DeliveryOutcome[] {
    return [...this.outcomes];
  }

  clear(): void {
    this.outcomes = [];
  }

  private schedule(
    binding: EventBindingRecord,
    event: string,
    data: Record<string, unknown>,
    override?: AuthOverride,
  ): void {
    const auth = override ? override(binding) : this.source.authFor(binding);
    if (!auth) return;

    const body = encodeEventCall({
      event,
      eventHandlerId: binding.ID,
      data,
      ts: Math.floor(this.source.nowSeconds()),
      auth,
    });
    const delivery = this.send(binding, event, body);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async send(binding: EventBindingRecord, event: string, body: string): Promise<void> {
    // Let the REST answer go first: a portal delivers events after the call returns.
    await new Promise((resolve) => setImmediate(resolve));
    const { status, error } = await deliver(binding.handler, body);

    const handler = binding.handler.split('?')[0] ?? '';
    const outcome = {
      event,
      handlerId: binding.ID,
      handler,
      status,
      error,
      at: new Date().toISOString(),
    };
    this.outcomes.push(outcome);
    if (this.outcomes.length > MAX_OUTCOMES) this.outcomes.shift();

    const level = error === null && status !== null && status < 400 ? 'debug' : 'warn';
    this.logger.log(level, 'events', 'event delivered', { event, handler, status, error });
  }
}
