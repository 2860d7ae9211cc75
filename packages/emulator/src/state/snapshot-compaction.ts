import type { PortalSnapshot } from '../snapshot/snapshot-format.js';
import { RowCompactor } from './row-compactor.js';

/**
 * The same snapshot with compact rows, for snapshots parsed from JSON (`--snapshot
 * FILE`, `POST /_emulator/snapshot`); the JSON-parsed rows can then be collected.
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
