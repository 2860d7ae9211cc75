import { addCrmRow, deleteCrmRow, updateCrmRow } from '../methods/crm/crm-entity-writer.js';
import { dealEntity } from '../methods/crm/deal-entity.js';
import { DealFieldError } from '../methods/crm/deal-placement.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import type { PortalSnapshot } from '../snapshot/snapshot-format.js';
import { compactSnapshot } from '../state/snapshot-compaction.js';
import { badRequest, type ControlRoute, notFound, ok } from './control-route.js';

/**
 * The portal's data: deals changed "as a person would" (events fire as for REST
 * changes; a person may also move a deal to another pipeline, which crm.deal.update
 * cannot), outgoing webhooks, snapshot loading and reset.
 */
function actingUser(portal: EmulatorPortal, body: Record<string, unknown>): string {
  return String(body.userId ?? portal.state.adminUser()?.ID ?? '1');
}

function fieldsOf(body: Record<string, unknown>): Record<string, unknown> {
  const fields = body.fields;
  if (!fields || typeof fields !== 'object') throw badRequest('fields must be an object');
  return fields as Record<string, unknown>;
}

function updatePersonally(portal: EmulatorPortal, id: number, body: Record<string, unknown>) {
  try {
    const user = actingUser(portal, body);
    return updateCrmRow(portal, dealEntity, id, fieldsOf(body), user, { moveCategory: true });
  } catch (error) {
    if (error instanceof DealFieldError) throw badRequest(`${error.field} is not valid here`);
    throw error;
  }
}

export const dataRoutes: ControlRoute[] = [
  {
    method: 'POST',
    path: '/deals',
    handle: (portal, body) => {
      const id = addCrmRow(portal, dealEntity, fieldsOf(body), actingUser(portal, body));
      return { status: 201, body: { id, deal: portal.state.deals.get(id) } };
    },
  },
  {
    method: 'PATCH',
    path: '/deals/:id',
    handle: (portal, body, params) => {
      const id = Number(params.id);
      if (!updatePersonally(portal, id, body)) throw notFound(`Deal ${params.id}`);
      return ok({ id, deal: portal.state.deals.get(id) });
    },
  },
  {
    method: 'DELETE',
    path: '/deals/:id',
    handle: (portal, _body, params) => {
      if (!deleteCrmRow(portal, dealEntity, Number(params.id))) throw notFound(`Deal ${params.id}`);
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/outgoing-webhooks',
    handle: (portal) =>
      ok({
        items: portal.state.eventBindings.values().filter((binding) => binding.clientId === null),
      }),
  },
  {
    method: 'POST',
    path: '/outgoing-webhooks',
    handle: (portal, body) => {
      const event = String(body.event ?? '').toUpperCase();
      const handler = String(body.handler ?? '');
      if (!event || !/^https?:\/\//.test(handler))
        throw badRequest('event and an http(s) handler are required');

      const { eventBindings } = portal.state;
      const binding = {
        ID: String(eventBindings.nextId()),
        event,
        handler,
        clientId: null,
        userId: actingUser(portal, body),
        applicationToken:
          typeof body.applicationToken === 'string' ? body.applicationToken : portal.newSecret(),
      };
      eventBindings.insert(binding);
      return { status: 201, body: binding };
    },
  },
  {
    method: 'POST',
    path: '/snapshot',
    handle: (portal, body) => {
      if (body.version !== 1) throw badRequest('a PortalSnapshot of version 1 is required');
      portal.loadSnapshot(compactSnapshot(body as unknown as PortalSnapshot));
      return ok({ deals: portal.state.deals.size, users: portal.state.users.size });
    },
  },
  {
    method: 'POST',
    path: '/reset',
    handle: (portal) => {
      portal.reset();
      return ok();
    },
  },
];
