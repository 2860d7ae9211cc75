import { Type } from '@sinclair/typebox';
import { apiError } from '../../http/api-error.js';
import { OutboxEntrySchema } from '../../outbox/index.js';
import { IsoDateSchema, Nullable } from '../schemas/common-schemas.js';

export const DispatchSettingsSchema = Type.Object({
  tasks: Type.Union([Type.Literal('brigade'), Type.Literal('house')], {
    description: 'One task per brigade or per house (AUDIOBOT_DISPATCH_TASKS)',
  }),
  calendar: Type.Union([Type.Literal('brigade'), Type.Literal('company'), Type.Literal('off')], {
    description: 'Where the cleanings go as events (AUDIOBOT_CALENDAR)',
  }),
});

export const DispatchCountsSchema = Type.Object({
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
});

/** An entry of the dispatch, with what it is about in words. */
export const DispatchItemSchema = Type.Object({
  ...OutboxEntrySchema.properties,
  title: Nullable(
    Type.String({ description: 'The task title or the event name, without the marker' }),
  ),
});

/** A date's dispatch as the outbox holds it: what was sent, what waits, what failed. */
export const DayDispatchStateSchema = Type.Object({
  date: IsoDateSchema,
  settings: DispatchSettingsSchema,
  counts: DispatchCountsSchema,
  items: Type.Array(DispatchItemSchema, {
    description: 'The tasks, then the calendar events of the date',
  }),
});

/** A calendar date that exists (the pattern lets 2026-02-30 through). */
export function checkRealDate(date: string, field: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date))
    throw apiError('validation_failed', `${field}: no such date`, field);
}
