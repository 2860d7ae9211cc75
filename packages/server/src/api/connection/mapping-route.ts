import { Type } from '@sinclair/typebox';

import type { ApiApp, ApiContext } from '../api-context.js';
import { parseJsonArray } from '../json-text.js';
import { IdNameSchema, MonthSchema, Nullable, protectedErrors } from '../schemas/common-schemas.js';

const UnplacedSchema = Type.Object({
  field: Type.String(),
  label: Type.String(),
  reason: Type.String(),
});

const schema = {
  tags: ['connection'],
  summary: 'How the deal fields were understood: roles, schedule slots, what was not placed',
  response: {
    200: Type.Object({
      pipeline: Nullable(IdNameSchema),
      roles: Type.Array(
        Type.Object({ role: Type.String(), field: Type.String(), label: Type.String() }),
      ),
      months: Type.Array(
        Type.Object({
          month: MonthSchema,
          slot: Type.Integer(),
          dateField: Nullable(Type.String()),
          typeField: Nullable(Type.String()),
        }),
      ),
      unplaced: Type.Array(UnplacedSchema),
    }),
    ...protectedErrors,
  },
};

export function mappingRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/connection/mapping', { schema, config: { cache: true } }, async () => {
    const memberId = context.memberId();
    const [fields, report] = await Promise.all([
      context.db
        .selectFrom('fieldMappings')
        .select(['fieldName', 'role', 'label', 'month', 'slot'])
        .where('memberId', '=', memberId)
        .orderBy('role')
        .orderBy('fieldName')
        .execute(),
      context.db
        .selectFrom('fieldMappingReports')
        .selectAll()
        .where('memberId', '=', memberId)
        .executeTakeFirst(),
    ]);

    const roles = fields
      .filter((field) => field.month === null)
      .map((field) => ({ role: field.role, field: field.fieldName, label: field.label }));
    return {
      pipeline: pipelineOf(report),
      roles,
      months: monthsOf(fields),
      unplaced: parseJsonArray<{ field: string; label: string; reason: string }>(report?.unplaced),
    };
  });
}

function pipelineOf(
  report: { pipelineId: number | null; pipelineName: string | null } | undefined,
) {
  if (!report || report.pipelineId === null) return null;
  return { id: String(report.pipelineId), name: report.pipelineName ?? '' };
}

interface ScheduleField {
  fieldName: string;
  role: string;
  month: string | null;
  slot: number | null;
}

/** The schedule fields paired per month and slot: date field beside type field. */
function monthsOf(fields: ScheduleField[]) {
  const slots = new Map<
    string,
    { month: string; slot: number; dateField: string | null; typeField: string | null }
  >();
  for (const field of fields) {
    if (field.month === null || field.slot === null) continue;
    const key = `${field.month}/${field.slot}`;
    const entry = slots.get(key) ?? {
      month: field.month,
      slot: field.slot,
      dateField: null,
      typeField: null,
    };
    if (field.role === 'scheduleDate') entry.dateField = field.fieldName;
    if (field.role === 'scheduleType') entry.typeField = field.fieldName;
    slots.set(key, entry);
  }
  return [...slots.values()].sort((a, b) => a.month.localeCompare(b.month) || a.slot - b.slot);
}
