import type { PortalSnapshot } from '../snapshot/snapshot-format.js';
import { RowCompactor } from './row-compactor.js';

/**
 * The snapshot as the engine keeps it: the same data with compact rows. The portal
 * holds this copy (for `reset()`), so the caller's snapshot can be collected.
 */
export function compactSnapshot(snapshot: PortalSnapshot): PortalSnapshot {
  const compactor = new RowCompactor();
  return {
    ...snapshot,
    deals: snapshot.deals.map((deal) => compactor.compact(deal)),
    companies: snapshot.companies.map((company) => compactor.compact(company)),
    contacts: snapshot.contacts.map((contact) => compactor.compact(contact)),
  };
}
