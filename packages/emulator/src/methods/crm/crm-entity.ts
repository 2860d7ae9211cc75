import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { IdRow, IdTable } from '../../state/id-table.js';

/** A standard field as `crm.*.fields` describes it. */
export interface FieldDescription {
  type: string;
  isRequired: boolean;
  isReadOnly: boolean;
  isImmutable: boolean;
  isMultiple: boolean;
  isDynamic: boolean;
  title: string;
}

/**
 * What the generic CRM methods need to know about one entity (deal, company, contact).
 * Rows are plain records whose values are strings, as the portal answers them.
 */
export interface CrmEntity {
  /** `deal`, `company`, `contact`: method names are `crm.<name>.*`. */
  name: string;
  /** Event names are `ONCRM<EVENT>ADD|UPDATE|DELETE`. */
  eventName: string;
  table: (portal: EmulatorPortal) => IdTable<IdRow>;
  fields: Record<string, FieldDescription>;
  /** Standard fields only returned when named in `select` (PHONE, EMAIL, CONTACT_IDS). */
  multipleFields: readonly string[];
  userFieldCodes: (portal: EmulatorPortal) => readonly string[];
  /** Values a new row gets before the caller's fields. */
  defaults: (portal: EmulatorPortal, userId: string) => Record<string, unknown>;
}

export function field(
  type: string,
  title: string,
  options: Partial<FieldDescription> = {},
): FieldDescription {
  return {
    type,
    isRequired: false,
    isReadOnly: false,
    isImmutable: false,
    isMultiple: false,
    isDynamic: false,
    title,
    ...options,
  };
}

export const readOnly = { isReadOnly: true } as const;
