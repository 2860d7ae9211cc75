import type { TaskUpsertPayload } from '../outbox/index.js';
import { russianDate } from './brigade-plan-task.js';

/** Why a task AudioBot made no longer carries a plan. */
export type CancelReason = 'sent_per_house' | 'sent_per_brigade' | 'no_cleaning';

const reasonText: Record<CancelReason, string> = {
  sent_per_house: 'план этого дня разослан задачами по домам',
  sent_per_brigade: 'план этого дня разослан задачами бригадам',
  no_cleaning: 'уборки этого дома в этот день по графику больше нет',
};

/**
 * What an orphaned task is rewritten to: its plan was replaced by tasks of the other kind
 * (the dispatch setting changed) or the house's cleaning left the day. The task is kept,
 * not deleted — its leader may have written in it — and says why it no longer counts.
 * The marker stays, so the same task is found again if the plan comes back.
 */
export function cancelledPlanTask(
  marker: string,
  date: string,
  reason: CancelReason,
): TaskUpsertPayload {
  const day = russianDate(date);
  return {
    marker,
    fields: {
      TITLE: `Отменено: уборка ${day} ${marker}`,
      DESCRIPTION: `Задача больше не действует: ${reasonText[reason]}.`,
      UF_CRM_TASK: [],
    },
  };
}

/** The title of a cancelled task starts so (tests and readers tell them apart by it). */
export const cancelledTitlePrefix = 'Отменено:';
