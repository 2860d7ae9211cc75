import { readUpperField, runList } from '../list/list-query.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param } from '../params.js';

/**
 * `department.get`: filter by `ID`, `NAME`, `SORT`, `PARENT`, `UF_HEAD` given as
 * top-level parameters, `sort` + `order`, paging by 50
 * (docs: api-reference/departments/department-get.md).
 */
const filterKeys = ['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD'];

function departmentGet({ portal }: MethodContext, params: Params) {
  const filter: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const value = param(params, key);
    if (value !== undefined) filter[key] = value;
  }

  const sort = String(param(params, 'sort') ?? 'SORT');
  const direction =
    String(param(params, 'order') ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const page = runList(
    portal.state.departments,
    { filter, order: { [sort]: direction }, start: param(params, 'start') },
    { read: readUpperField },
  );
  return { result: page.rows, total: page.total, next: page.next };
}

export const departmentMethods = defineMethods('department', { 'department.get': departmentGet });
