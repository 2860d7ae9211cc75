import type { Bitrix24Error } from '../errors/bitrix24-error.js';
import type { RestTime } from '../transport/rest-envelope.js';

/** One command of a batch. Params may hold `$result[key][0][ID]` references as strings. */
export interface BatchCommand {
  method: string;
  params?: Record<string, unknown>;
}

/** Commands by key; keys are letters, digits, `_`, `-` and `.` so references can name them. */
export type BatchCommands = Record<string, BatchCommand>;

export interface BatchOptions {
  /** Stop at the first failing command (docs: batch.md `halt`); later ones do not run. */
  halt?: boolean;
  signal?: AbortSignal;
}

/** A batch's answer with its parts by command key; a part the portal sent as `[]` is `{}`. */
export interface BatchResult {
  /** Each successful command's `result`. */
  results: Record<string, unknown>;
  /** Each failed command's error, classified like a call's (its `status` is null). */
  errors: Record<string, Bitrix24Error>;
  /** `total` of each list command. */
  totals: Record<string, number>;
  /** `next` of each list command that has more rows. */
  nexts: Record<string, number>;
  times: Record<string, RestTime>;
}

/** The portal runs at most this many commands per batch (docs: batch.md). */
export const maxBatchCommands = 50;
