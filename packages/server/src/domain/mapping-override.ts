import { z } from 'zod';
import { FIELD_ROLES, type FieldRole } from './field-role.js';

const fieldCode = z
  .string()
  .regex(/^UF_CRM_\w+$/, 'must be a field code like UF_CRM_1669561599956');
const slotFields = z.object({ date: fieldCode.optional(), type: fieldCode.optional() }).strict();

/**
 * The mapping file (`AUDIOBOT_MAPPING_FILE`): field codes that win over discovery by
 * label, for a portal whose labels say too little. Every key is optional:
 * ```json
 * { "pipeline": 34, "address": "UF_CRM_1669561599956",
 *   "schedule": { "2025-09": { "1": { "date": "UF_CRM_...", "type": "UF_CRM_..." } } } }
 * ```
 * `pipeline` is the id or the name of the houses pipeline; `brigadeParent` the id of
 * the department whose children are the brigades, when its discovery guesses wrong
 * (see resolveBrigades).
 */
export const mappingOverrideSchema = z
  .object({
    pipeline: z.union([z.number().int().positive(), z.string().min(1)]).optional(),
    brigadeParent: z.number().int().positive().optional(),
    schedule: z
      .record(
        z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'months are YYYY-MM'),
        z.record(z.string().regex(/^[1-9]\d*$/, 'slots are 1, 2 ...'), slotFields),
      )
      .optional(),
    ...Object.fromEntries(FIELD_ROLES.map((role) => [role, fieldCode.optional()])),
  })
  .strict();

export interface MappingOverride {
  pipeline?: number | string;
  brigadeParent?: number;
  schedule?: Record<string, Record<string, { date?: string; type?: string }>>;
  roles?: Partial<Record<FieldRole, string>>;
}

/** Validates the file's JSON; the problems name the key, for the doctor and the start. */
export function parseMappingOverride(
  json: unknown,
): { override: MappingOverride } | { problems: string[] } {
  const parsed = mappingOverrideSchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }

  const { pipeline, brigadeParent, schedule, ...rest } = parsed.data as Record<string, unknown>;
  const roles = rest as Partial<Record<FieldRole, string>>;
  return {
    override: {
      pipeline: pipeline as number | string | undefined,
      brigadeParent: brigadeParent as number | undefined,
      schedule: schedule as MappingOverride['schedule'],
      roles,
    },
  };
}
