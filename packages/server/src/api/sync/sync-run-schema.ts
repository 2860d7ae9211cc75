import { type Static, Type } from '@sinclair/typebox';

import type { SyncRunView } from '../../sync/sync-runs.js';
import { Nullable } from '../schemas/common-schemas.js';

export const SyncRunSchema = Type.Object({
  id: Type.String(),
  mode: Type.Union([Type.Literal('full'), Type.Literal('incremental')]),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
  ]),
  queuedAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  phase: Nullable(Type.String()),
  done: Type.Integer({ description: 'Houses written so far' }),
  total: Nullable(Type.Integer({ description: 'Houses to write, once known' })),
  requests: Type.Integer({ description: 'HTTP requests sent to the portal' }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type SyncRunBody = Static<typeof SyncRunSchema>;

export function presentSyncRun(run: SyncRunView): SyncRunBody {
  return { ...run, id: String(run.id) };
}
