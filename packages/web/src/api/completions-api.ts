import type {
  BrigadeDay,
  ComplaintCheck,
  Completion,
  CompletionChange,
  CompletionCorrection,
  CompletionMark,
} from './completion-types.js';
import { request, withQuery } from './http.js';

// The completion endpoints; spread into the one `api` client.

export const completionsApi = {
  brigadeDay: (date?: string, brigadeId?: string) =>
    request<BrigadeDay>(withQuery('/api/completions/day', { date, brigadeId })),
  markCleaning: (mark: CompletionMark) =>
    request<{ completion: Completion }>('/api/completions', {
      method: 'POST',
      body: JSON.stringify(mark),
    }),
  correctCompletion: (id: string, correction: CompletionCorrection) =>
    request<{ completion: Completion | null; change: CompletionChange }>(
      `/api/completions/${encodeURIComponent(id)}/correction`,
      { method: 'POST', body: JSON.stringify(correction) },
    ),
  complaintCheck: (query: { date: string; address?: string; houseId?: string }) =>
    request<ComplaintCheck>(withQuery('/api/completions/check', query)),
};
