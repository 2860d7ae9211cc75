import type { SnapshotDeal, SnapshotUserField } from '../snapshot/snapshot-format.js';

/**
 * One deal with every standard and user field at its empty value, cloned for each deal.
 *
 * Why a clone: V8 keeps objects that share a key order on one hidden class only while
 * they are built from a literal or a clone; objects filled key by key with computed names
 * fall back to dictionaries past a dozen fields, which doubles the memory of a
 * 100 000-house portal. `JSON.parse` builds the template in fast mode and `{ ...template }`
 * copies that layout.
 */
export function dealTemplate(userFields: SnapshotUserField[]): SnapshotDeal {
  const deal: Record<string, unknown> = {
    ID: '',
    TITLE: '',
    CATEGORY_ID: '0',
    STAGE_ID: '',
    STAGE_SEMANTIC_ID: 'P',
    COMPANY_ID: '0',
    CONTACT_ID: null,
    ASSIGNED_BY_ID: '',
    CREATED_BY_ID: '',
    MODIFY_BY_ID: '',
    OPPORTUNITY: '0.00',
    CURRENCY_ID: 'RUB',
    OPENED: 'Y',
    CLOSED: 'N',
    COMMENTS: null,
    BEGINDATE: '',
    CLOSEDATE: '',
    DATE_CREATE: '',
    DATE_MODIFY: '',
  };
  for (const field of userFields) {
    // An empty multiple field reads `false` on a real portal, an empty single one `''`.
    deal[field.FIELD_NAME] = field.MULTIPLE === 'Y' ? false : '';
  }
  return JSON.parse(JSON.stringify(deal)) as SnapshotDeal;
}
