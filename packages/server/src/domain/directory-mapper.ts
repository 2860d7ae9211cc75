import type { Insertable } from 'kysely';
import type {
  EmployeesTable,
  ManagementCompaniesTable,
  SeniorResidentsTable,
} from '../store/database-types.js';
import type { BrigadeStructure } from './brigades.js';
import { parseId } from './number-parsing.js';
import { normalizeSearchText } from './search-text.js';

/** A CRM multi-field value (PHONE, EMAIL). */
export interface MultiField {
  VALUE?: string | null;
}

export interface CompanyRow {
  ID: string | number;
  TITLE?: string | null;
  ADDRESS?: string | null;
  PHONE?: MultiField[] | null;
  EMAIL?: MultiField[] | null;
  DATE_MODIFY?: string | null;
}

export interface ContactRow {
  ID: string | number;
  NAME?: string | null;
  LAST_NAME?: string | null;
  SECOND_NAME?: string | null;
  PHONE?: MultiField[] | null;
  EMAIL?: MultiField[] | null;
  DATE_MODIFY?: string | null;
}

/** A row of `user.get`: ACTIVE is a boolean there, UF_DEPARTMENT an int array. */
export interface UserRow {
  ID: string | number;
  ACTIVE?: boolean | string | null;
  NAME?: string | null;
  LAST_NAME?: string | null;
  SECOND_NAME?: string | null;
  EMAIL?: string | null;
  PERSONAL_MOBILE?: string | null;
  WORK_PHONE?: string | null;
  WORK_POSITION?: string | null;
  UF_DEPARTMENT?: (number | string)[] | number | string | null;
  IS_ADMIN?: boolean | null;
}

interface Stamp {
  memberId: string;
  syncedAt: string;
}

export function toManagementCompany(
  row: CompanyRow,
  stamp: Stamp,
): Insertable<ManagementCompaniesTable> {
  return {
    ...stamp,
    id: Number(row.ID),
    name: (row.TITLE ?? '').trim(),
    phones: JSON.stringify(valuesOf(row.PHONE)),
    emails: JSON.stringify(valuesOf(row.EMAIL)),
    address: row.ADDRESS?.trim() || null,
    modifiedAt: isoOrNull(row.DATE_MODIFY),
    deletedAt: null,
  };
}

export function toSeniorResident(row: ContactRow, stamp: Stamp): Insertable<SeniorResidentsTable> {
  return {
    ...stamp,
    id: Number(row.ID),
    name: fullName(row),
    phones: JSON.stringify(valuesOf(row.PHONE)),
    emails: JSON.stringify(valuesOf(row.EMAIL)),
    modifiedAt: isoOrNull(row.DATE_MODIFY),
    deletedAt: null,
  };
}

/**
 * An employee with their brigade (see resolveBrigades) and whether they lead it: the
 * head (UF_HEAD) of their brigade's department.
 */
export function toEmployee(
  row: UserRow,
  structure: BrigadeStructure,
  stamp: Stamp,
): Insertable<EmployeesTable> {
  const id = Number(row.ID);
  const departmentIds = departmentIdsOf(row.UF_DEPARTMENT);
  const brigadeId = structure.brigadeOf(departmentIds);
  const brigade = structure.brigades.find((candidate) => candidate.id === brigadeId);
  const name = fullName(row);

  return {
    ...stamp,
    id,
    name,
    firstName: row.NAME?.trim() || null,
    lastName: row.LAST_NAME?.trim() || null,
    secondName: row.SECOND_NAME?.trim() || null,
    position: row.WORK_POSITION?.trim() || null,
    email: row.EMAIL?.trim() || null,
    phone: row.PERSONAL_MOBILE?.trim() || row.WORK_PHONE?.trim() || null,
    active: row.ACTIVE === false || row.ACTIVE === 'N' ? 0 : 1,
    departmentIds: JSON.stringify(departmentIds),
    brigadeId,
    isLeader: brigade?.headId === id ? 1 : 0,
    isAdmin: row.IS_ADMIN ? 1 : 0,
    searchText: normalizeSearchText(`${name} ${row.WORK_POSITION ?? ''} ${row.EMAIL ?? ''}`),
    deletedAt: null,
  };
}

export function departmentIdsOf(value: UserRow['UF_DEPARTMENT']): number[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map(parseId).filter((id): id is number => id !== null);
}

/** «Фамилия Имя Отчество», as Russian lists write people. */
function fullName(row: {
  NAME?: string | null;
  LAST_NAME?: string | null;
  SECOND_NAME?: string | null;
}) {
  return [row.LAST_NAME, row.NAME, row.SECOND_NAME]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}

function valuesOf(fields: MultiField[] | null | undefined): string[] {
  return (fields ?? []).map((field) => field.VALUE?.trim() ?? '').filter(Boolean);
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}
