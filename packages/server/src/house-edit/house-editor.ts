import { randomUUID } from 'node:crypto';

import { isBitrix24Error } from '@audiobot/bitrix24';
import type { Kysely } from 'kysely';

import type { DealRow } from '../domain/index.js';
import { apiError } from '../http/api-error.js';
import {
  enqueueOutbox,
  type OutboxEntry,
  type OutboxWorker,
  type PortalCaller,
} from '../outbox/index.js';
import type { Database, House } from '../store/index.js';
import {
  type DealUpdatePayload,
  type DealUpdateResult,
  dealChangedCode,
  dealUpdateKind,
  getDeal,
} from './deal-update-operation.js';
import {
  type EditBase,
  type EditConflict,
  findConflicts,
  presentConflict,
  startingMeanings,
  versionOf,
} from './edit-conflicts.js';
import { planEdit } from './edit-plan.js';
import { type EditReference, loadEditReference, storedDealValues } from './edit-reference.js';
import type { FieldChange, HouseEdit, HouseEditStart } from './house-edit.js';
import { type HouseStoreWrite, storeDeal } from './house-store-write.js';

export interface HouseEditorOptions extends HouseStoreWrite {
  portal: PortalCaller;
  worker: Pick<OutboxWorker, 'settle'>;
  /** How long a request waits for the write before answering "pending"; default 15 s. */
  settleMs?: number;
}

export type EditOutcome =
  | { status: 'written'; outboxId: number; version: string | null }
  | { status: 'pending'; outboxId: number; lastError: OutboxEntry['lastError'] }
  | { status: 'conflict'; currentVersion: string | null; conflicts: EditConflict[] };

interface EditRequest {
  memberId: string;
  houseId: number;
  /** The deal version the user's form was loaded from (`version` of the edit form). */
  baseVersion: string | null;
  edit: HouseEdit;
  /** What the form showed for the changed parts; consulted when the store moved past it. */
  startingValues?: HouseEditStart;
}

/**
 * Accepts a house edit and writes it to the deal through the outbox. The portal's deal
 * is compared with what the user started from twice: here, so that a stale form is
 * answered at once, and in the outbox operation right before the write, which also
 * catches a change made while the entry waited. A conflict refreshes the stored house,
 * so "reload" shows the portal's values; overwriting is a new edit from that version.
 */
export class HouseEditor {
  constructor(private readonly options: HouseEditorOptions) {}

  async edit(request: EditRequest): Promise<EditOutcome> {
    const { db } = this.options;
    const house = await loadHouse(db, request.memberId, request.houseId);
    const reference = await loadEditReference(db, request.memberId);
    if (!reference) throw apiError('sync_pending');

    const changes = planEdit(request.edit, house, reference, this.options.timeZone);
    if (await hasOpenEdit(db, request.memberId, request.houseId)) {
      throw apiError('house_edit_pending');
    }

    const deal = await this.#readDeal(request.houseId, reference);
    const known = house.dealModifiedAt === request.baseVersion;
    const base: EditBase = {
      version: request.baseVersion,
      values: known ? storedDealValues(house) : null,
      ...(!known && request.startingValues
        ? { starting: startingMeanings(request.startingValues) }
        : {}),
    };
    const conflicting = findConflicts(changes, deal, base, this.options.timeZone, reference);
    if (conflicting.length > 0) {
      return this.#conflict(request.memberId, deal, conflicting, reference);
    }

    const entry = await this.#enqueue(request, changes, deal);
    return this.#settle(request, entry, changes, reference);
  }

  async #enqueue(request: EditRequest, changes: FieldChange[], deal: DealRow) {
    const fields = (pick: (change: FieldChange) => unknown) =>
      Object.fromEntries(changes.map((change) => [change.field, pick(change)]));
    const payload: DealUpdatePayload = {
      dealId: request.houseId,
      fields: fields((change) => change.value),
      expected: fields((change) => deal[change.field] ?? null),
      kinds: fields((change) => change.kind) as DealUpdatePayload['kinds'],
    };
    const intent = {
      memberId: request.memberId,
      kind: dealUpdateKind,
      idempotencyKey: `house-edit:${request.houseId}:${randomUUID()}`,
      payload,
    };
    return enqueueOutbox(this.options.db, intent, this.#now());
  }

  async #settle(
    request: EditRequest,
    entry: OutboxEntry,
    changes: FieldChange[],
    reference: EditReference,
  ): Promise<EditOutcome> {
    const settleMs = this.options.settleMs ?? 15_000;
    const [settled = entry] = await this.options.worker.settle([entry.id], settleMs);
    const result = settled.result as DealUpdateResult | null;

    if (settled.status === 'done') {
      return { status: 'written', outboxId: settled.id, version: isoOrNull(result?.version) };
    }
    if (settled.status !== 'failed') {
      return { status: 'pending', outboxId: settled.id, lastError: settled.lastError };
    }
    if (settled.lastError?.code !== dealChangedCode) {
      throw apiError('house_edit_failed', settled.lastError?.message);
    }

    const deal = await this.#readDeal(request.houseId, reference);
    const changed = new Set(result?.conflicts?.map((conflict) => conflict.field));
    const conflicting = changes.filter((change) => changed.has(change.field));
    return this.#conflict(request.memberId, deal, conflicting, reference);
  }

  async #conflict(
    memberId: string,
    deal: DealRow,
    conflicting: FieldChange[],
    reference: EditReference,
  ): Promise<EditOutcome> {
    await storeDeal(this.options, memberId, deal);
    const { timeZone } = this.options;
    return {
      status: 'conflict',
      currentVersion: versionOf(deal),
      conflicts: conflicting.map((change) =>
        presentConflict(change, deal[change.field], reference, timeZone),
      ),
    };
  }

  async #readDeal(dealId: number, reference: EditReference): Promise<DealRow> {
    try {
      const deal = await getDeal(this.options.portal, dealId);
      if (Number(deal.CATEGORY_ID) !== reference.mapping.pipelineId) {
        throw apiError('house_not_found', `Deal ${dealId} is no longer a house.`);
      }
      return deal;
    } catch (error) {
      throw portalError(error, dealId);
    }
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

async function loadHouse(db: Kysely<Database>, memberId: string, houseId: number): Promise<House> {
  const house = await db
    .selectFrom('houses')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('id', '=', houseId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!house) throw apiError('house_not_found', `No house with id ${houseId}.`);
  return house;
}

/** An edit of the house not yet written: a second one would start from stale values. */
export async function hasOpenEdit(
  db: Kysely<Database>,
  memberId: string,
  houseId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('memberId', '=', memberId)
    .where('kind', '=', dealUpdateKind)
    .where('idempotencyKey', 'like', `house-edit:${houseId}:%`)
    .where('status', 'in', ['pending', 'running'])
    .executeTakeFirst();
  return row !== undefined;
}

function portalError(error: unknown, dealId: number): unknown {
  if (!isBitrix24Error(error)) return error;
  if (error.kind === 'not_found' || /not found|не найден/i.test(error.description)) {
    return apiError('house_not_found', `Deal ${dealId} is not in Bitrix24 any more.`);
  }
  if (error.retryable) return apiError('portal_unavailable');
  return apiError('house_edit_failed', error.message);
}

function isoOrNull(value: string | null | undefined): string | null {
  return versionOf({ ID: 0, DATE_MODIFY: value ?? null });
}
