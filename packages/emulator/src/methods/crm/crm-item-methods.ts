import { RestError } from '../../errors/rest-error.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { flag, param, record, requiredId } from '../params.js';
import { companyEntity } from './company-entity.js';
import { contactEntity } from './contact-entity.js';
import type { CrmEntity } from './crm-entity.js';
import { updateCrmRow } from './crm-entity-writer.js';
import { itemOf, itemShape, rowFieldsOf } from './crm-item-view.js';
import { dealEntity } from './deal-entity.js';
import { DealFieldError } from './deal-placement.js';

/**
 * `crm.item.get|update` for deals, contacts and companies (entityTypeId 2, 3, 4); the
 * documented way to move a deal to another pipeline
 * (docs: api-reference/crm/universal/crm-item-get.md, crm-item-update.md). Smart
 * processes and other types answer as unknown types.
 */
const entities: Record<string, CrmEntity> = {
  '2': dealEntity,
  '3': contactEntity,
  '4': companyEntity,
};

const notFound = (text: string) => new RestError(400, 'NOT_FOUND', text);

function entityOf(params: Params): CrmEntity {
  const entity = entities[String(param(params, 'entityTypeId') ?? '')];
  if (!entity) throw notFound('Smart process not found');
  return entity;
}

function answer(context: MethodContext, params: Params, entity: CrmEntity, id: number) {
  const row = entity.table(context.portal).get(id) as Record<string, unknown> | undefined;
  if (!row) throw notFound('Element not found');

  const originalUfNames = flag(param(params, 'useOriginalUfNames'));
  const item = itemOf(row, itemShape(entity, context.portal, originalUfNames));
  return { result: { item: { ...item, entityTypeId: Number(param(params, 'entityTypeId')) } } };
}

function get(context: MethodContext, params: Params) {
  return answer(context, params, entityOf(params), requiredId(params));
}

function fieldTitle(entity: CrmEntity, field: string): string {
  return entity.fields[field]?.title ?? field;
}

function update(context: MethodContext, params: Params) {
  const entity = entityOf(params);
  const id = requiredId(params);
  const shape = itemShape(entity, context.portal, flag(param(params, 'useOriginalUfNames')));
  const fields = rowFieldsOf(record(param(params, 'fields')), shape);

  try {
    const options = { moveCategory: true };
    if (!updateCrmRow(context.portal, entity, id, fields, context.caller.user.ID, options)) {
      throw notFound('Element not found');
    }
  } catch (error) {
    if (!(error instanceof DealFieldError)) throw error;
    const text = `Invalid value for field "${fieldTitle(entity, error.field)}"`;
    throw new RestError(400, 'CRM_FIELD_ERROR_VALUE_NOT_VALID', text);
  }
  return answer(context, params, entity, id);
}

export const crmItemMethods = defineMethods('crm', {
  'crm.item.get': get,
  'crm.item.update': update,
});
