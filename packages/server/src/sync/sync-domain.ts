import type { Insertable } from 'kysely';
import type {
  BrigadesTable,
  CleaningsTable,
  EmployeesTable,
  EnumerationsTable,
  FieldMappingsTable,
  HousesTable,
  ManagementCompaniesTable,
  SeniorResidentsTable,
} from '../store/index.js';

/** A Bitrix24 row as the REST API sends it. */
export type PortalRow = Record<string, unknown>;

/** The portal's reference lists, fetched whole at the start of every sync. */
export interface ReferenceLists {
  userFields: PortalRow[];
  categories: PortalRow[];
  departments: PortalRow[];
  users: PortalRow[];
}

type Row<T> = Omit<Insertable<T>, 'memberId' | 'syncedAt'>;

/** What the sync stores from the reference lists, and what the house mapping needs. */
export interface PlacedReference {
  pipeline: { id: number; name: string } | null;
  fieldMappings: Row<FieldMappingsTable>[];
  unplaced: { field: string; label: string; reason: string }[];
  enumerations: Row<EnumerationsTable>[];
  brigades: Row<BrigadesTable>[];
  employees: Row<EmployeesTable>[];
  /** Opaque to the sync: whatever `houseOf` needs (the field roles, enumeration texts ...). */
  mapping: unknown;
}

export interface MappedHouse {
  house: Row<HousesTable>;
  cleanings: Omit<Insertable<CleaningsTable>, 'memberId'>[];
}

/**
 * The domain rules the sync applies, kept behind this seam so that the sync's
 * transport and transaction logic reads (and is tested) apart from the rules.
 * `domainRules` in domain-rules.ts implements it with the domain module.
 */
export interface SyncDomain {
  /** The houses pipeline «Уборка подъездов», found by name among `crm.category.list` rows. */
  findPipeline(categories: PortalRow[]): { id: number; name: string } | null;
  placeReference(lists: ReferenceLists): PlacedReference;
  houseOf(deal: PortalRow, reference: PlacedReference): MappedHouse;
  managementCompanyOf(company: PortalRow): Row<ManagementCompaniesTable>;
  seniorResidentOf(contact: PortalRow): Row<SeniorResidentsTable>;
}
