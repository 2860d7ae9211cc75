import { formatZoned } from '../clock/zoned-time.js';
import type { MethodResult } from '../methods/method-definition.js';

/**
 * The success envelope: `{result, total?, next?, time}` with the `time` block a portal
 * sends (docs: api-reference/data-types.md#time, limits.md).
 */
export interface TimeBlock {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at: number;
  operating: number;
}

export interface TimingInput {
  startMs: number;
  finishMs: number;
  processing: number;
  operating: number;
  resetAt: number;
  timeZone: string;
}

export function timeBlock(input: TimingInput): TimeBlock {
  return {
    start: input.startMs / 1000,
    finish: input.finishMs / 1000,
    duration: (input.finishMs - input.startMs) / 1000,
    processing: input.processing,
    date_start: formatZoned(new Date(input.startMs), input.timeZone),
    date_finish: formatZoned(new Date(input.finishMs), input.timeZone),
    operating_reset_at: input.resetAt,
    operating: input.operating,
  };
}

export function envelope(answer: MethodResult, time: TimeBlock): Record<string, unknown> {
  const body: Record<string, unknown> = { result: answer.result };
  if (answer.total !== undefined) body.total = answer.total;
  if (answer.next !== undefined) body.next = answer.next;
  body.time = time;
  return body;
}
