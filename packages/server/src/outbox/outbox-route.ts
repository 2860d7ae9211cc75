import { type Static, Type } from '@sinclair/typebox';
import type { ApiApp, ApiContext } from '../api/api-context.js';
import { ErrorSchema, Nullable, protectedErrors } from '../api/schemas/common-schemas.js';
import type { OutboxEntry } from './outbox-entry.js';
import { countOutbox, listOutbox } from './outbox-queries.js';

const StatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);

export const OutboxEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'The write, e.g. bitrix24.task.upsert' }),
  idempotencyKey: Type.String({ description: 'e.g. brigade-plan:12:2025-09-16' }),
  status: StatusSchema,
  attempts: Type.Integer({ description: 'Attempts started for the current payload' }),
  nextAttemptAt: Type.String({ description: 'When a pending entry is tried next' }),
  lastError: Nullable(
    Type.Object({
      code: Type.String({ description: 'Bitrix24 error code or outbox_* code' }),
      message: Type.String(),
    }),
  ),
  result: Type.Unknown({ description: 'What the write produced, e.g. {taskId}' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  doneAt: Nullable(Type.String()),
});

const CountsSchema = Type.Object({
  pending: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  retried: Type.Integer({ description: 'Entries that needed more than one attempt' }),
});

const schema = {
  tags: ['outbox'],
  summary: 'Admins: the writes to Bitrix24 and their state (pending, failed with reason, retried)',
  querystring: Type.Object(
    {
      status: Type.Optional(StatusSchema),
      retried: Type.Optional(Type.Boolean()),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({ counts: CountsSchema, items: Type.Array(OutboxEntrySchema) }),
    ...protectedErrors,
    503: ErrorSchema,
  },
};

export type OutboxEntryView = Static<typeof OutboxEntrySchema>;

/** `GET /api/outbox` (admin). Register with the other routes: `outboxRoute(app, context)`. */
export function outboxRoute(app: ApiApp, context: Pick<ApiContext, 'db' | 'memberId'>): void {
  app.get('/api/outbox', { schema, config: { access: 'admin' } }, async (request) => {
    const memberId = context.memberId();
    const { status, retried, limit } = request.query;
    const [counts, entries] = await Promise.all([
      countOutbox(context.db, memberId),
      listOutbox(context.db, memberId, {
        limit,
        ...(status ? { status } : {}),
        ...(retried ? { retried } : {}),
      }),
    ]);
    return { counts, items: entries.map(presentOutboxEntry) };
  });
}

export function presentOutboxEntry(entry: OutboxEntry): OutboxEntryView {
  return {
    id: String(entry.id),
    kind: entry.kind,
    idempotencyKey: entry.idempotencyKey,
    status: entry.status,
    attempts: entry.attempts,
    nextAttemptAt: entry.nextAttemptAt,
    lastError: entry.lastError,
    result: entry.result,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    doneAt: entry.doneAt,
  };
}
