import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import { firstStageOf } from './deal-entity.js';

/**
 * Moving a deal to another pipeline (`CATEGORY_ID`). `crm.deal.update` ignores the
 * field; the docs send such moves to `crm.item.update` with `entityTypeId: 2`
 * (api-reference/crm/deals/crm-deal-update.md, STAGE_ID), and a person in the portal
 * moves a deal from its card. The deal lands on the stage given with the move, which
 * must belong to the new pipeline, or on the pipeline's first stage.
 */
export class DealFieldError extends Error {
  constructor(readonly field: 'CATEGORY_ID' | 'STAGE_ID') {
    super(`Invalid value for field ${field}`);
  }
}

function categoryExists(portal: EmulatorPortal, categoryId: string): boolean {
  return portal.state.categories.some((category) => String(category.id) === categoryId);
}

function stageBelongs(portal: EmulatorPortal, stageId: string, categoryId: string): boolean {
  const entityId = categoryId === '0' ? 'DEAL_STAGE' : `DEAL_STAGE_${categoryId}`;
  return portal.state.statuses.some(
    (status) => status.ENTITY_ID === entityId && status.STATUS_ID === stageId,
  );
}

/**
 * Checks a change of pipeline or stage and completes it: a new pipeline without a stage
 * gets the pipeline's first stage. Throws DealFieldError naming the wrong field.
 */
export function placeDeal(
  portal: EmulatorPortal,
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
): void {
  const categoryId = String(changes.CATEGORY_ID ?? current.CATEGORY_ID ?? '0');
  if ('CATEGORY_ID' in changes && !categoryExists(portal, categoryId)) {
    throw new DealFieldError('CATEGORY_ID');
  }
  changes.CATEGORY_ID = categoryId;

  const moved = categoryId !== String(current.CATEGORY_ID ?? '0');
  if (moved && !changes.STAGE_ID) changes.STAGE_ID = firstStageOf(portal, categoryId);
  if ('STAGE_ID' in changes && !stageBelongs(portal, String(changes.STAGE_ID), categoryId)) {
    throw new DealFieldError('STAGE_ID');
  }
}
