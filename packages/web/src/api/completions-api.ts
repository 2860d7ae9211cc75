import type { BrigadeDay, ComplaintCheck, Completion, CompletionMark } from './completion-types.js';
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
  complaintCheck: (query: { date: string; address?: string; houseId?: string }) =>
    request<ComplaintCheck>(withQuery('/api/completions/check', query)),
};
