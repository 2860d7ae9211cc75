import type { HouseUnit } from './deal-walk.js';
import { walkDeals } from './deal-walk.js';
import { writeHouseUnit } from './house-writer.js';
import { PageLedger } from './page-ledger.js';
import type { RunContext, SyncCheckpoint } from './sync-context.js';
import type { PlacedReference } from './sync-domain.js';

export interface HousePhaseOptions {
  filter: Record<string, unknown>;
  reference: Promise<PlacedReference>;
  requested: { companies: Set<string>; contacts: Set<string> };
  /** Set for a full sync: its pages move the resume point. */
  checkpoint: { afterId: number; portalStartedAt: string | null } | null;
}

/**
 * Streams the house deals of `filter` into the store, one transaction per page,
 * serialised so that pages never interleave their writes. Returns the ids written.
 */
export async function syncHouses(
  run: RunContext,
  options: HousePhaseOptions,
): Promise<Set<number>> {
  const written = new Set<number>();
  const ledger = options.checkpoint ? new PageLedger(options.checkpoint.afterId) : null;
  let writes: Promise<unknown> = Promise.resolve();

  const writeUnit = async (unit: HouseUnit) => {
    const reference = await options.reference;
    const task = writes.then(async () => {
      run.signal?.throwIfAborted();
      const checkpoint = ledger ? nextCheckpoint(ledger, unit, options.checkpoint) : null;
      const ids = await writeHouseUnit({ ...run, reference }, unit, checkpoint);
      for (const id of ids) written.add(id);
      run.progress.advance(ids.length);
    });
    writes = task.catch(() => {});
    await task;
  };

  await walkDeals({
    pump: run.pump,
    filter: options.filter,
    requested: options.requested,
    onTotal: (total) => run.progress.total(total),
    writeUnit,
  });
  return written;
}

function nextCheckpoint(
  ledger: PageLedger,
  unit: HouseUnit,
  base: { portalStartedAt: string | null } | null,
): SyncCheckpoint {
  const highest = Math.max(0, ...unit.deals.map((deal) => Number(deal.ID)));
  return {
    afterId: ledger.finish(unit.page, highest),
    portalStartedAt: base?.portalStartedAt ?? null,
  };
}
