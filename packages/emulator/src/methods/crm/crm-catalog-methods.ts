import { restErrors } from '../../errors/rest-error.js';
import type { SnapshotUserField } from '../../snapshot/snapshot-format.js';
import { allRows, listRows, readUpperField } from '../list/list-query.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param, record } from '../params.js';

/**
 * Pipelines, stages and deal user fields: what a client reads to understand a portal.
 * Docs: api-reference/crm/universal/category/crm-category-list.md,
 * api-reference/crm/status/crm-status-list.md,
 * api-reference/crm/deals/user-defined-fields/crm-deal-userfield-list.md.
 */
const labelKeys = ['EDIT_FORM_LABEL', 'LIST_COLUMN_LABEL', 'LIST_FILTER_LABEL'] as const;

/** Labels come back only for a `LANG` filter, and then as strings of that language. */
function withLabels(userField: SnapshotUserField, language: string | null) {
  const { EDIT_FORM_LABEL, LIST_COLUMN_LABEL, LIST_FILTER_LABEL, ...rest } = userField;
  const row: Record<string, unknown> = {
    ...rest,
    SHOW_FILTER: 'N',
    SHOW_IN_LIST: 'Y',
    EDIT_IN_LIST: 'Y',
    IS_SEARCHABLE: 'N',
    SETTINGS: {},
  };
  if (language === null) return row;

  for (const key of labelKeys) row[key] = userField[key][language] ?? '';
  row.ERROR_MESSAGE = null;
  row.HELP_MESSAGE = null;
  return row;
}

function dealUserFieldList({ portal }: MethodContext, params: Params) {
  const { LANG: upper, lang: lower, ...filter } = record(param(params, 'filter'));
  const language = upper ?? lower;
  const order = param(params, 'order') ?? { SORT: 'ASC', ID: 'ASC' };

  // The list is small and a client needs all of it: no paging, like the portal.
  const rows = allRows(portal.state.dealUserFields, { filter, order }, { read: readUpperField });
  const labels = language === undefined ? null : String(language);
  return { result: rows.map((row) => withLabels(row, labels)), total: rows.length };
}

function categoryList({ portal }: MethodContext, params: Params) {
  const entityTypeId = Number(param(params, 'entityTypeId'));
  if (entityTypeId !== 2) {
    throw restErrors.argument('Entity type is not supported by this portal emulator');
  }
  const categories = [...portal.state.categories].sort((left, right) => left.sort - right.sort);
  return { result: { categories }, total: categories.length };
}

function statusList({ portal }: MethodContext, params: Params) {
  const order = param(params, 'order') ?? { SORT: 'ASC' };
  const page = listRows(
    portal.state.statuses,
    { filter: param(params, 'filter'), order, start: param(params, 'start') },
    { read: readUpperField },
  );
  return { result: page.rows, total: page.total, next: page.next };
}

export const crmCatalogMethods = defineMethods('crm', {
  'crm.deal.userfield.list': dealUserFieldList,
  'crm.category.list': categoryList,
  'crm.status.list': statusList,
});
