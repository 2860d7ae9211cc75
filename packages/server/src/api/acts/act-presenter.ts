import { idOrNull } from '../json-text.js';
import type { ActMonthRow } from './act-month-query.js';
import type { Act } from './act-schemas.js';

/** One house's act as the API sends it; counts arrive as strings from PostgreSQL. */
export function presentAct(row: ActMonthRow, month: string): Act {
  const brigadeId = idOrNull(row.brigadeId);
  return {
    house: { id: String(row.houseId), title: row.title, address: row.address },
    brigade: brigadeId ? { id: brigadeId, name: row.brigadeName ?? '' } : null,
    month,
    planned: Number(row.planned ?? 0),
    done: Number(row.done ?? 0),
    overdue: Number(row.overdue ?? 0),
    status: row.status,
    signature: row.signedOn
      ? {
          date: row.signedOn,
          by: { id: idOrNull(row.signedById), name: row.signedByName ?? '' },
        }
      : null,
  };
}
