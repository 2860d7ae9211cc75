import type { CompletionChange } from '../../completions/completion-changes.js';
import type { CompletionView } from '../../completions/completion-views.js';
import type { CompletionAnswer, CompletionChangeAnswer } from './completion-schemas.js';

export function presentCompletion(view: CompletionView): CompletionAnswer {
  return {
    id: String(view.id),
    houseId: String(view.houseId),
    date: view.date,
    cleaningType: view.cleaningType,
    slot: view.slot,
    brigadeId: view.brigadeId === null ? null : String(view.brigadeId),
    status: view.status,
    reason: view.reason,
    authorName: view.authorName,
    createdAt: view.createdAt,
    photos: view.photoIds.map((id) => ({
      id: String(id),
      url: `/api/completions/photos/${id}`,
    })),
    bitrix24: {
      ...view.bitrix24,
      commentId: view.bitrix24.commentId === null ? null : String(view.bitrix24.commentId),
    },
  };
}

export function presentChange(change: CompletionChange): CompletionChangeAnswer {
  return {
    id: String(change.id),
    completionId: String(change.completionId),
    before: change.before,
    after: change.after,
    note: change.note,
    changedByName: change.changedByName,
    changedAt: change.changedAt,
  };
}
