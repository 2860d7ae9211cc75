import { restErrors } from '../../errors/rest-error.js';
import type { IdRow } from '../../state/id-table.js';
import { readUpperField, runList } from '../list/list-query.js';
import { project, projectAll, resolveSelect, type SelectableFields } from '../list/list-select.js';
import type { MethodContext, MethodDefinition, Params } from '../method-definition.js';
import { param, record, requiredId } from '../params.js';
import type { CrmEntity } from './crm-entity.js';
import { addCrmRow, deleteCrmRow, updateCrmRow } from './crm-entity-writer.js';

/**
 * `crm.<entity>.list|get|add|update|delete|fields` for deals, companies and contacts
 * (docs: api-reference/crm/deals/crm-deal-list.md, crm-deal-get.md, crm-deal-add.md,
 * crm-deal-update.md, crm-deal-delete.md, crm-deal-fields.md; the company and contact
 * pages alike). These are the "old" CRM methods: their errors come with an empty code.
 */
function selectable(entity: CrmEntity, context: MethodContext): SelectableFields {
  const standard = Object.keys(entity.fields).filter(
    (name) => !entity.multipleFields.includes(name),
  );
  return {
    standard,
    multiple: entity.multipleFields,
    userFields: () => entity.userFieldCodes(context.portal),
  };
}

function existing(entity: CrmEntity, context: MethodContext, params: Params): IdRow {
  const row = entity.table(context.portal).get(requiredId(params));
  if (!row) throw restErrors.notFound();
  return row;
}

function describeUserFields(entity: CrmEntity, context: MethodContext) {
  if (entity.name !== 'deal') return {};

  const described: Record<string, unknown> = {};
  for (const userField of context.portal.state.dealUserFields) {
    const label = userField.EDIT_FORM_LABEL.ru ?? userField.FIELD_NAME;
    described[userField.FIELD_NAME] = {
      type: userField.USER_TYPE_ID,
      isRequired: userField.MANDATORY === 'Y',
      isReadOnly: false,
      isImmutable: false,
      isMultiple: userField.MULTIPLE === 'Y',
      isDynamic: true,
      title: userField.FIELD_NAME,
      listLabel: userField.LIST_COLUMN_LABEL.ru ?? label,
      formLabel: label,
      filterLabel: userField.LIST_FILTER_LABEL.ru ?? label,
      ...(userField.LIST ? { items: userField.LIST.map(({ ID, VALUE }) => ({ ID, VALUE })) } : {}),
    };
  }
  return described;
}

export function crmEntityMethods(entity: CrmEntity): MethodDefinition[] {
  const prefix = `crm.${entity.name}`;
  const handlers: Record<string, MethodDefinition['handler']> = {
    [`${prefix}.list`]: (context, params) => {
      const fields = resolveSelect(param(params, 'select'), selectable(entity, context));
      const page = runList(
        entity.table(context.portal),
        {
          filter: param(params, 'filter'),
          order: param(params, 'order'),
          start: param(params, 'start'),
        },
        { read: readUpperField },
      );
      return {
        result: projectAll(page.rows, fields, context.portal.listRows),
        total: page.total,
        next: page.next,
      };
    },

    [`${prefix}.get`]: (context, params) => {
      const row = existing(entity, context, params);
      const { standard, multiple, userFields } = selectable(entity, context);
      return { result: project(row, [...standard, ...multiple, ...userFields()]) };
    },

    [`${prefix}.add`]: (context, params) => {
      const fields = record(param(params, 'fields'));
      return { result: addCrmRow(context.portal, entity, fields, context.caller.user.ID) };
    },

    [`${prefix}.update`]: (context, params) => {
      const id = requiredId(params);
      const fields = record(param(params, 'fields'));
      if (!updateCrmRow(context.portal, entity, id, fields, context.caller.user.ID)) {
        throw restErrors.notFound();
      }
      return { result: true };
    },

    [`${prefix}.delete`]: (context, params) => {
      if (!deleteCrmRow(context.portal, entity, requiredId(params))) throw restErrors.notFound();
      return { result: true };
    },

    [`${prefix}.fields`]: (context) => ({
      result: { ...entity.fields, ...describeUserFields(entity, context) },
    }),
  };

  return Object.entries(handlers).map(([name, handler]) => ({ name, scopes: ['crm'], handler }));
}
