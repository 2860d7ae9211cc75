export { type ParsedAddress, parseAddress } from './address-parsing.js';
export {
  type BrigadeHints,
  type BrigadeParentSource,
  type BrigadeStructure,
  type Department,
  type DepartmentRow,
  resolveBrigades,
  toDepartment,
} from './brigades.js';
export {
  CLEANING_TYPE_NAMES,
  CLEANING_TYPES,
  type CleaningType,
  normalizeCleaningType,
} from './cleaning-type.js';
export { type DealRow, type HouseContext, type MappedHouse, toHouse } from './deal-mapper.js';
export {
  type CompanyRow,
  type ContactRow,
  departmentIdsOf,
  type MultiField,
  toEmployee,
  toManagementCompany,
  toSeniorResident,
  type UserRow,
} from './directory-mapper.js';
export { type Enumerations, enumerationsOf, enumerationText } from './enumerations.js';
export {
  type DiscoveryOptions,
  discoverFields,
  type FieldMapping,
  type MappedField,
  type ScheduleSlot,
  type UnplacedField,
  type UnplacedReason,
} from './field-discovery.js';
export { labelsOf, monthOfLabel, normalizeLabel, type UserFieldRow } from './field-label.js';
export { FIELD_ROLES, type FieldRole } from './field-role.js';
export {
  HOUSE_PROBLEM_NAMES,
  HOUSE_PROBLEMS,
  type HouseFacts,
  type HouseProblem,
  houseProblems,
} from './house-problems.js';
export { findHousesPipeline, HOUSES_PIPELINE_NAME, type PipelineRow } from './houses-pipeline.js';
export { dateInZone, localDateOf, monthOf, todayIn } from './local-date.js';
export {
  type MappingOverride,
  mappingOverrideSchema,
  parseMappingOverride,
} from './mapping-override.js';
export { parseCount, parseDecimal, parseId } from './number-parsing.js';
export {
  PERIODICITY_INDIVIDUAL,
  PERIODICITY_NOT_SET,
  periodicityByMonth,
  periodicityLabel,
  plural,
} from './periodicity.js';
export {
  cleaningsOf,
  GENERAL_CLEANING_SLOT,
  generalCleaningText,
  type PlannedCleaning,
} from './schedule.js';
export { normalizeSearchText, searchTokens } from './search-text.js';
export { type ParsedTariff, parseTariff } from './tariff-parsing.js';
