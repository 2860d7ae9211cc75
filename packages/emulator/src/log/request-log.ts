/**
 * Every REST and OAuth request the portal answered, for tests and the control API: how
 * many calls, of which methods (`oauth/token` and `oauth/authorize` for OAuth), how many
 * were batches and what they carried. Entries never hold credentials: only the method,
 * the kind of caller, the grant type and the status.
 */
export interface RequestLogEntry {
  at: string;
  method: string;
  status: number;
  error: string | null;
  via: 'webhook' | 'application' | 'none';
  /** Commands of a batch, by method; empty for other calls. */
  batchCommands: string[];
  /** `oauth/token` only: `authorization_code`, `refresh_token` or what was sent. */
  grantType?: string;
}

export interface RequestCounts {
  total: number;
  byMethod: Record<string, number>;
  batches: number;
  /** Commands run inside batches, by method. */
  batchCommandsByMethod: Record<string, number>;
  batchCommands: number;
  errors: number;
}

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counts: RequestCounts = emptyCounts();

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);

    const counts = this.counts;
    counts.total += 1;
    counts.byMethod[entry.method] = (counts.byMethod[entry.method] ?? 0) + 1;
    if (entry.error !== null) counts.errors += 1;
    if (entry.method !== 'batch') return;

    counts.batches += 1;
    for (const method of entry.batchCommands) {
      counts.batchCommands += 1;
      counts.batchCommandsByMethod[method] = (counts.batchCommandsByMethod[method] ?? 0) + 1;
    }
  }

  summary(): RequestCounts {
    return structuredClone(this.counts);
  }

  recent(limit = 100): RequestLogEntry[] {
    return this.entries.slice(-limit);
  }

  reset(): void {
    this.entries = [];
    this.counts = emptyCounts();
  }
}

function emptyCounts(): RequestCounts {
  return {
    total: 0,
    byMethod: {},
    batches: 0,
    batchCommandsByMethod: {},
    batchCommands: 0,
    errors: 0,
  };
}
