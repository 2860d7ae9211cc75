import {
  type CompanyRow,
  type ContactRow,
  type DealRow,
  type DepartmentRow,
  discoverFields,
  type Enumerations,
  enumerationsOf,
  type FieldMapping,
  findHousesPipeline,
  type MappingOverride,
  normalizeCleaningType,
  type PipelineRow,
  resolveBrigades,
  toDepartment,
  toEmployee,
  toHouse,
  toManagementCompany,
  toSeniorResident,
  type UserFieldRow,
  type UserRow,
} from '../domain/index.js';
import type { PlacedReference, ReferenceLists, SyncDomain } from './sync-domain.js';

export interface DomainRulesOptions {
  memberId: string;
  /** The company's IANA zone: schedule dates are days there. */
  timeZone: string;
  /** The mapping file's overrides (`AUDIOBOT_MAPPING_FILE`), already validated. */
  override?: MappingOverride;
  /** "Now" for this month's periodicity and problems; default: the real now. */
  now?: () => Date;
}

/** What `houseOf` needs, kept inside `PlacedReference.mapping`. */
interface HouseMapping {
  fields: FieldMapping;
  enumerations: Enumerations;
  brigadeOfUser: Map<number, number | null>;
}

/** The domain module's rules, applied by the sync. */
export function domainRules(options: DomainRulesOptions): SyncDomain {
  const { memberId } = options;
  const now = options.now ?? (() => new Date());
  const stamp = () => ({ memberId, syncedAt: now().toISOString() });

  return {
    findPipeline: (categories) =>
      findHousesPipeline(categories as unknown as PipelineRow[], options.override?.pipeline),

    placeReference: (lists) => placeReference(lists, options, stamp()),

    houseOf(deal, reference) {
      const mapping = reference.mapping as HouseMapping;
      return toHouse(deal as DealRow, mapping.fields, {
        memberId,
        timeZone: options.timeZone,
        enumerations: mapping.enumerations,
        brigadeOfUser: (userId) => mapping.brigadeOfUser.get(userId) ?? null,
        now: now(),
      });
    },

    managementCompanyOf: (company) =>
      toManagementCompany(company as unknown as CompanyRow, stamp()),
    seniorResidentOf: (contact) => toSeniorResident(contact as unknown as ContactRow, stamp()),
  };
}

function placeReference(
  lists: ReferenceLists,
  options: DomainRulesOptions,
  stamp: { memberId: string; syncedAt: string },
): PlacedReference {
  const pipeline = findHousesPipeline(
    lists.categories as unknown as PipelineRow[],
    options.override?.pipeline,
  );
  const userFields = lists.userFields as unknown as UserFieldRow[];
  // Labels name their pipeline («Адрес | Частная уборка»): the houses' one may be renamed.
  const fields = discoverFields(userFields, {
    override: options.override,
    pipelineName: pipeline?.name,
  });
  const enumerations = enumerationsOf(userFields);

  const departments = (lists.departments as unknown as DepartmentRow[]).map(toDepartment);
  const structure = resolveBrigades(departments, { parentId: options.override?.brigadeParent });
  const brigadeIds = new Set(structure.brigades.map((brigade) => brigade.id));
  const employees = (lists.users as unknown as UserRow[]).map((user) =>
    toEmployee(user, structure, stamp),
  );

  return {
    pipeline,
    fieldMappings: fieldMappingRows(fields),
    unplaced: fields.unplaced.map(({ field, label, reason }) => ({ field, label, reason })),
    enumerations: enumerationRows(userFields, fields),
    brigades: departments.map((department) => ({
      ...department,
      isBrigade: brigadeIds.has(department.id) ? 1 : 0,
    })),
    employees,
    mapping: {
      fields,
      enumerations,
      brigadeOfUser: new Map(
        employees.map((employee) => [employee.id, employee.brigadeId ?? null]),
      ),
    } satisfies HouseMapping,
  };
}

function fieldMappingRows(fields: FieldMapping): PlacedReference['fieldMappings'] {
  const rows: PlacedReference['fieldMappings'] = [];

  for (const [role, mapped] of Object.entries(fields.roles)) {
    if (!mapped) continue;
    rows.push({
      fieldName: mapped.field,
      role,
      label: mapped.label,
      month: null,
      slot: null,
      source: mapped.source,
    });
  }
  for (const slot of fields.schedule) {
    for (const [role, mapped] of [
      ['scheduleDate', slot.date],
      ['scheduleType', slot.type],
    ] as const) {
      if (!mapped) continue;
      rows.push({
        fieldName: mapped.field,
        role,
        label: mapped.label,
        month: slot.month,
        slot: slot.slot,
        source: mapped.source,
      });
    }
  }
  return rows;
}

/** Every enumeration item; the cleaning-type fields also get the normalised type. */
function enumerationRows(
  userFields: UserFieldRow[],
  fields: FieldMapping,
): PlacedReference['enumerations'] {
  const typeFields = new Set(
    fields.schedule.flatMap((slot) => (slot.type ? [slot.type.field] : [])),
  );
  const generalField = fields.roles.generalCleaning?.field;

  return userFields.flatMap((field) =>
    (field.LIST ?? []).map((item) => ({
      fieldName: field.FIELD_NAME,
      itemId: Number(item.ID),
      value: item.VALUE,
      sort: sortOf(item),
      cleaningType: cleaningTypeOf(field.FIELD_NAME, item.VALUE, typeFields, generalField),
    })),
  );
}

function cleaningTypeOf(
  field: string,
  text: string,
  typeFields: Set<string>,
  generalField: string | undefined,
) {
  if (field === generalField) return 'general' as const;
  return typeFields.has(field) ? normalizeCleaningType(text) : null;
}

function sortOf(item: { ID: string | number; VALUE: string }): number | null {
  const sort = Number((item as { SORT?: unknown }).SORT);
  return Number.isFinite(sort) ? sort : null;
}
