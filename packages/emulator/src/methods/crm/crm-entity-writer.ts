import { formatZoned } from '../../clock/zoned-time.js';
import type { EmulatorPortal } from '../../portal/emulator-portal.js';
import type { IdRow } from '../../state/id-table.js';
import type { CrmEntity } from './crm-entity.js';
import { dealEntity, dealStageDefault } from './deal-entity.js';
import { placeDeal } from './deal-placement.js';

/**
 * Changes to CRM rows, shared by the REST methods and the control API's "a person
 * edits the deal" routes, so both fire the same `ONCRM*` events.
 */
type Row = IdRow & Record<string, unknown>;

/** Values are stored the way the portal answers them: numbers as strings. */
function storedValue(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(storedValue);
  return value;
}

function writableFields(
  entity: CrmEntity,
  portal: EmulatorPortal,
  fields: Record<string, unknown>,
) {
  const userFields = new Set(entity.userFieldCodes(portal));
  const writable: Record<string, unknown> = {};

  for (const [rawName, value] of Object.entries(fields)) {
    const name = rawName.toUpperCase();
    const description = entity.fields[name];
    const known = userFields.has(name) || (description && !description.isReadOnly);
    if (known) writable[name] = storedValue(value);
  }
  return writable;
}

function stampNow(portal: EmulatorPortal): string {
  return formatZoned(portal.clock.now(), portal.state.portal.timeZone);
}

function followStage(portal: EmulatorPortal, row: Row): void {
  const status = portal.state.statuses.find(
    (candidate) =>
      candidate.STATUS_ID === row.STAGE_ID && candidate.ENTITY_ID.startsWith('DEAL_STAGE'),
  );
  const semantic = status?.SEMANTICS ?? 'P';
  row.STAGE_SEMANTIC_ID = semantic;
  row.CLOSED = semantic === 'P' ? 'N' : 'Y';
}

export function addCrmRow(
  portal: EmulatorPortal,
  entity: CrmEntity,
  fields: Record<string, unknown>,
  userId: string,
): number {
  const table = entity.table(portal);
  const id = table.nextId();
  const now = stampNow(portal);
  const row: Row = {
    ID: String(id),
    ...entity.defaults(portal, userId),
    ...writableFields(entity, portal, fields),
    CREATED_BY_ID: userId,
    MODIFY_BY_ID: userId,
    DATE_CREATE: now,
    DATE_MODIFY: now,
  };
  if (entity === dealEntity) {
    dealStageDefault(portal, row);
    followStage(portal, row);
  }

  table.insert(row);
  portal.events.emit(`ONCRM${entity.eventName}ADD`, { FIELDS: { ID: id } });
  return id;
}

export interface UpdateOptions {
  /**
   * A deal may change pipeline (crm.item.update, a person in the portal); crm.deal.update
   * ignores CATEGORY_ID. A wrong pipeline or stage then throws DealFieldError.
   */
  moveCategory?: boolean;
}

/** False when the row does not exist. */
export function updateCrmRow(
  portal: EmulatorPortal,
  entity: CrmEntity,
  id: number,
  fields: Record<string, unknown>,
  userId: string,
  options: UpdateOptions = {},
): boolean {
  const table = entity.table(portal);
  const current = table.get(id) as Row | undefined;
  if (!current) return false;

  const changes = writableFields(entity, portal, fields);
  if (entity === dealEntity && options.moveCategory) placeDeal(portal, current, changes);
  else if (entity === dealEntity) delete changes.CATEGORY_ID;

  // A new row object: the loaded snapshot stays as it was, so a reset restores it.
  const row: Row = { ...current, ...changes, MODIFY_BY_ID: userId, DATE_MODIFY: stampNow(portal) };
  if (entity === dealEntity && 'STAGE_ID' in changes) followStage(portal, row);
  table.insert(row);

  portal.events.emit(`ONCRM${entity.eventName}UPDATE`, { FIELDS: { ID: id } });
  return true;
}

export function deleteCrmRow(portal: EmulatorPortal, entity: CrmEntity, id: number): boolean {
  if (!entity.table(portal).delete(id)) return false;

  portal.events.emit(`ONCRM${entity.eventName}DELETE`, { FIELDS: { ID: id } });
  return true;
}
