/**
 * One REST call as the sync plans it, and what came back. The sync builds these,
 * packs them into `batch` requests of 50 and never calls a method directly.
 */
export interface RestCommand {
  method: string;
  params: Record<string, unknown>;
}

export interface CommandError {
  code: string;
  description: string;
  /** The client's classified error (a `Bitrix24Error`), when there is one. */
  cause?: unknown;
}

export interface CommandOutcome {
  result: unknown;
  /** `total` of a list page (its count of matching rows), when the method sent one. */
  total: number | null;
  error: CommandError | null;
  /** Seconds of the method's processing-time budget used (`time.operating`), when sent. */
  operating?: number | null;
}

/** Sends up to 50 commands as one `batch` request; answers every key it was given. */
export type BatchSender = (
  commands: Map<string, RestCommand>,
  signal?: AbortSignal,
) => Promise<Map<string, CommandOutcome>>;

/** The page size of every Bitrix24 list method. */
export const pageSize = 50;

/** Commands per `batch` request (the portal refuses more). */
export const batchLimit = 50;

/** The rows of a list answer (`crm.*.list`, `user.get` ...), or of `crm.category.list`. */
export function rowsOf<Row>(outcome: CommandOutcome): Row[] {
  const result = outcome.result;
  if (Array.isArray(result)) return result as Row[];

  // crm.category.list answers { categories: [...] }; crm.item.* answers { items: [...] }.
  if (result && typeof result === 'object') {
    const inner = Object.values(result).find(Array.isArray);
    if (inner) return inner as Row[];
  }
  return [];
}

/** The commands for the pages after the first of a list whose count is known. */
export function laterPages(command: RestCommand, total: number): RestCommand[] {
  const pages: RestCommand[] = [];

  for (let start = pageSize; start < total; start += pageSize) {
    pages.push({ method: command.method, params: { ...command.params, start } });
  }
  return pages;
}

/**
 * Marks a promise as handled without changing it. For answers started early and
 * awaited later: when an earlier await throws first, the later one's rejection must not
 * surface as an unhandled rejection.
 */
export function startedEarly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
