import { type FormBody, formField } from '../application/form-fields.js';

/** The records an event makes AudioBot fetch again. */
export type RecordKind = 'deal' | 'company' | 'contact' | 'user';

/** What AudioBot takes from an event call: the portal, the record, and nothing else. */
export interface EventCall {
  event: string;
  memberId: string | null;
  applicationToken: string | null;
  /** The record to fetch again; null for an event AudioBot does not act on. */
  record: { kind: RecordKind; id: number } | null;
}

const kindOfEvent: Record<string, RecordKind> = {
  ONCRMDEALADD: 'deal',
  ONCRMDEALUPDATE: 'deal',
  ONCRMDEALDELETE: 'deal',
  ONCRMCOMPANYUPDATE: 'company',
  ONCRMCONTACTUPDATE: 'contact',
  ONUSERADD: 'user',
};

/**
 * Reads an event call (docs: api-reference/events/index.md): `event`,
 * `data[FIELDS][ID]` and `auth[...]`. The posted data is never trusted beyond the id:
 * every field is fetched from the portal again.
 */
export function eventCallOf(body: FormBody | undefined): EventCall {
  const event = (formField(body, 'event') ?? '').toUpperCase();
  const kind = kindOfEvent[event];
  const id = Number(formField(body, 'data', 'FIELDS', 'ID') ?? formField(body, 'data', 'ID'));

  return {
    event,
    memberId: formField(body, 'auth', 'member_id'),
    applicationToken: formField(body, 'auth', 'application_token'),
    record: kind && Number.isSafeInteger(id) && id > 0 ? { kind, id } : null,
  };
}
