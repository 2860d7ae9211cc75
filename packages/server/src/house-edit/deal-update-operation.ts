import type { DealRow } from '../domain/index.js';
import {
  type OperationContext,
  type OperationInput,
  type OutboxOperation,
  OutboxPayloadError,
  type PortalCaller,
} from '../outbox/index.js';
import { FIELD_KINDS, type FieldKind, sameMeaning } from './field-values.js';

/**
 * Writes an accepted house edit into its deal. `expected` holds the portal's values of
 * the edited fields when the edit was accepted; a field that holds neither that nor ours
 * was changed by someone else since, and the entry fails as `deal_changed_in_portal`
 * instead of overwriting it.
 */
export interface DealUpdatePayload {
  dealId: number;
  /** The values to write, as crm.deal.update takes them. */
  fields: Record<string, unknown>;
  expected: Record<string, unknown>;
  kinds: Record<string, FieldKind>;
}

/** A field the portal changed meanwhile: what it holds now, and what the edit wanted. */
export interface PortalChange {
  field: string;
  theirs: unknown;
  ours: unknown;
}

export interface DealUpdateResult {
  dealId: number;
  /** Fields this run sent; empty when an earlier run had written them all. */
  written: string[];
  /** The deal's DATE_MODIFY after the write. */
  version: string | null;
  /** Set when the entry failed because the portal changed the deal meanwhile. */
  conflicts?: PortalChange[];
}

export const dealUpdateKind = 'bitrix24.deal.update';

export const dealChangedCode = 'deal_changed_in_portal';

export interface DealUpdateOptions {
  timeZone: string;
  /** Stores the deal as it now is (house and cleanings); runs after every successful write. */
  onWritten(memberId: string, deal: DealRow): Promise<void>;
}

export function dealUpdateOperation(
  options: DealUpdateOptions,
): OutboxOperation<DealUpdatePayload, DealUpdateResult> {
  return {
    kind: dealUpdateKind,
    parse: parseDealUpdate,
    execute: (input, context) => updateDeal(input, context, options),
  };
}

function parseDealUpdate(payload: unknown): DealUpdatePayload {
  const value = payload as Partial<DealUpdatePayload> | null;
  if (!Number.isInteger(value?.dealId) || (value?.dealId ?? 0) <= 0)
    throw new OutboxPayloadError('A deal update needs a deal id');
  const fields = value?.fields ?? {};
  const kinds = value?.kinds ?? {};
  const names = Object.keys(fields);
  if (names.length === 0 || names.some((name) => !FIELD_KINDS.includes(kinds[name] as FieldKind)))
    throw new OutboxPayloadError('A deal update needs fields, each with its kind');
  return { dealId: value?.dealId as number, fields, expected: value?.expected ?? {}, kinds };
}

/**
 * Idempotent by reading first: a field already holding our value is not sent again (an
 * earlier run wrote it and lost the answer, or crashed before marking the entry done).
 */
async function updateDeal(
  input: OperationInput<DealUpdatePayload>,
  context: OperationContext,
  options: DealUpdateOptions,
): Promise<DealUpdateResult> {
  const { dealId, fields } = input.payload;
  const before = await getDeal(context.portal, dealId, context.signal);
  const plan = planWrite(input.payload, before, options.timeZone);

  if (plan.conflicts.length > 0) {
    const result = { dealId, written: [], version: before.DATE_MODIFY ?? null, ...plan };
    await context.saveResult(result satisfies DealUpdateResult);
    const names = plan.conflicts.map((conflict) => conflict.field).join(', ');
    throw new OutboxPayloadError(`The deal was changed in Bitrix24: ${names}`, dealChangedCode);
  }

  const toWrite = Object.fromEntries(plan.toWrite.map((field) => [field, fields[field]]));
  if (plan.toWrite.length > 0) {
    await context.portal.call(
      'crm.deal.update',
      { id: dealId, fields: toWrite },
      {
        signal: context.signal,
      },
    );
  }

  const after = await getDeal(context.portal, dealId, context.signal);
  await options.onWritten(input.memberId, after);
  context.logger.info(
    { category: 'house-edit', houseId: dealId, written: plan.toWrite },
    'deal updated',
  );
  return { dealId, written: plan.toWrite, version: after.DATE_MODIFY ?? null };
}

function planWrite(payload: DealUpdatePayload, deal: DealRow, timeZone: string) {
  const toWrite: string[] = [];
  const conflicts: PortalChange[] = [];

  for (const [field, ours] of Object.entries(payload.fields)) {
    const kind = payload.kinds[field] as FieldKind;
    const theirs = deal[field];
    if (sameMeaning(kind, theirs, ours, timeZone)) continue;
    if (sameMeaning(kind, theirs, payload.expected[field], timeZone)) toWrite.push(field);
    else conflicts.push({ field, theirs: theirs ?? null, ours });
  }
  return { toWrite, conflicts };
}

export async function getDeal(
  portal: PortalCaller,
  dealId: number,
  signal?: AbortSignal,
): Promise<DealRow> {
  const answer = await portal.call<DealRow>('crm.deal.get', { id: dealId }, { signal });
  return answer.result;
}
