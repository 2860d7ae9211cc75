import type { HouseUnit } from './deal-walk.js';
import { walkDeals } from './deal-walk.js';
import { writeHouseUnits } from './house-writer.js';
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

  const writeGroup = async (units: HouseUnit[]) => {
    const reference = await options.reference;
    run.signal?.throwIfAborted();
    const checkpoint = ledger ? nextCheckpoint(ledger, units, options.checkpoint) : null;
    const ids = await writeHouseUnits({ ...run, reference }, units, checkpoint);
    for (const id of ids) written.add(id);
    run.progress.advance(ids.length);
  };

  await walkDeals({
    pump: run.pump,
    filter: options.filter,
    requested: options.requested,
    onTotal: (total) => run.progress.total(total),
    writeUnit: groupedWriter(writeGroup),
  });
  return written;
}

/** Pages written at most together in one transaction (1 000 houses). */
const maxGroup = 20;

/**
 * Serialises the writes and groups the pages that arrive while one is being written:
 * the store commits once per group, not once per page, and pages never interleave.
 */
function groupedWriter(
  writeGroup: (units: HouseUnit[]) => Promise<void>,
): (unit: HouseUnit) => Promise<void> {
  const waiting: { unit: HouseUnit; settle: (error?: unknown) => void }[] = [];
  let writing = false;

  const drain = async () => {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxGroup);
      try {
        await writeGroup(group.map((entry) => entry.unit));
        for (const entry of group) entry.settle();
      } catch (error) {
        for (const entry of group) entry.settle(error ?? new Error('write failed'));
      }
    }
    writing = false;
  };

  return (unit) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ unit, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!writing) void drain();
    });
}

function nextCheckpoint(
  ledger: PageLedger,
  units: HouseUnit[],
  base: { portalStartedAt: string | null } | null,
): SyncCheckpoint {
  let afterId = ledger.afterId;
  for (const unit of units) {
    const highest = unit.deals.reduce((max, deal) => Math.max(max, Number(deal.ID)), 0);
    afterId = ledger.finish(unit.page, highest);
  }
  return { afterId, portalStartedAt: base?.portalStartedAt ?? null };
}
