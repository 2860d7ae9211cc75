import type { ApplicationServices } from '../application/application-services.js';
import {
  refreshEmployee,
  refreshManagementCompany,
  refreshSeniorResident,
} from './directory-refresh.js';
import type { RecordKind } from './event-call.js';
import { isRetryableRefreshError, type RefreshOutcome, refreshHouse } from './house-refresh.js';

export const recordRefreshJobName = 'bitrix24-record-refresh';

export interface RecordRefreshPayload {
  memberId: string;
  kind: RecordKind;
  id: number;
  /** The event that asked for it, for the log. */
  event: string;
}

const refreshers: Record<
  RecordKind,
  (services: ApplicationServices, memberId: string, id: number) => Promise<RefreshOutcome>
> = {
  deal: refreshHouse,
  company: refreshManagementCompany,
  contact: refreshSeniorResident,
  user: refreshEmployee,
};

/**
 * Event refreshes run as jobs: the portal gets its answer at once, a 503 from the portal
 * is retried with backoff, and two events for the same record never run at the same
 * time (the later one then reads the later state).
 */
export function registerRecordRefreshJob(services: ApplicationServices): void {
  services.queue.register<RecordRefreshPayload>(
    recordRefreshJobName,
    async (payload) => {
      const outcome = await refreshers[payload.kind](services, payload.memberId, payload.id);
      services.logger.info(
        {
          category: 'sync',
          memberId: payload.memberId,
          event: payload.event,
          id: payload.id,
          outcome,
        },
        'record refreshed from an event',
      );
    },
    {
      retry: { maxAttempts: 4, baseDelayMs: 2_000, maxDelayMs: 60_000 },
      concurrencyKey: (payload) =>
        `${recordRefreshJobName}:${payload.memberId}:${payload.kind}:${payload.id}`,
      isRetryable: isRetryableRefreshError,
    },
  );
}
