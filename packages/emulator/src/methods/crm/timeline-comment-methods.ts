import { formatZoned } from '../../clock/zoned-time.js';
import { RestError, restErrors } from '../../errors/rest-error.js';
import { readUpperField, runList } from '../list/list-query.js';
import { projectAll } from '../list/list-select.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param, positiveId, record, text } from '../params.js';

/**
 * Timeline comments on CRM rows (docs: api-reference/crm/timeline/comments/
 * crm-timeline-comment-add.md, crm-timeline-comment-list.md,
 * crm-timeline-comment-update.md).
 */
const commentFields = [
  'ID',
  'ENTITY_ID',
  'ENTITY_TYPE',
  'CREATED',
  'COMMENT',
  'AUTHOR_ID',
  'FILES',
];

function entityExists(context: MethodContext, type: string, id: number): boolean {
  const { state } = context.portal;
  if (type === 'deal') return state.deals.get(id) !== undefined;
  if (type === 'company') return state.companies.get(id) !== undefined;
  if (type === 'contact') return state.contacts.get(id) !== undefined;
  return false;
}

function add(context: MethodContext, params: Params) {
  const fields = record(param(params, 'fields'));
  const entityType = text(fields.ENTITY_TYPE).toLowerCase();
  const entityId = positiveId(fields.ENTITY_ID);
  const comment = text(fields.COMMENT);

  if (entityId === null || !entityExists(context, entityType, entityId)) {
    throw restErrors.crm('Not found');
  }
  if (comment.trim() === '') throw restErrors.crm('Empty comment message.');

  const { state, clock } = context.portal;
  const id = state.timelineComments.nextId();
  state.timelineComments.insert({
    ID: String(id),
    ENTITY_ID: String(entityId),
    ENTITY_TYPE: entityType,
    CREATED: formatZoned(clock.now(), state.portal.timeZone),
    COMMENT: comment,
    AUTHOR_ID: text(fields.AUTHOR_ID, context.caller.user.ID),
    FILES: [],
  });
  return { result: id };
}

/** Only `fields` in lower case is read, as the portal does since crm 23.100.0. */
function update(context: MethodContext, params: Params) {
  const { timelineComments } = context.portal.state;
  const current = timelineComments.get(Number(params.id ?? params.ID));
  if (!current) throw new RestError(400, 'NOT_FOUND', 'Not found.');
  const fields = record(params.fields);
  const comment = text(fields.COMMENT);
  if (comment.trim() === '') throw new RestError(400, 'INVALID_ARG_VALUE', 'Empty comment.');

  timelineComments.insert({ ...current, COMMENT: comment });
  return { result: Number(current.ID) };
}

function list(context: MethodContext, params: Params) {
  const page = runList(
    context.portal.state.timelineComments,
    {
      filter: param(params, 'filter'),
      order: param(params, 'order'),
      start: param(params, 'start'),
    },
    { read: readUpperField, defaultOrder: { ID: 'DESC' } },
  );
  return {
    result: projectAll(page.rows, commentFields),
    total: page.total,
    next: page.next,
  };
}

export const timelineCommentMethods = defineMethods('crm', {
  'crm.timeline.comment.add': add,
  'crm.timeline.comment.list': list,
  'crm.timeline.comment.update': update,
});
