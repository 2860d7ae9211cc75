import { RestError, restErrors } from '../../errors/rest-error.js';
import type { EventBindingRecord } from '../../state/runtime-records.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param, text } from '../params.js';
import { knownEvents } from './known-events.js';

/**
 * `event.bind|get|unbind`: application auth only, administrators only
 * (docs: api-reference/events/event-bind.md, event-get.md, event-unbind.md).
 */
function requireAdmin(context: MethodContext): void {
  if (!context.caller.user.IS_ADMIN)
    throw restErrors.accessDenied('Access denied! Administrator rights required.');
}

function ownBindings(context: MethodContext): EventBindingRecord[] {
  return context.portal.state.eventBindings
    .values()
    .filter((binding) => binding.clientId === context.caller.clientId);
}

function bind(context: MethodContext, params: Params) {
  requireAdmin(context);
  const event = text(param(params, 'event')).toUpperCase();
  const handler = text(param(params, 'handler'));

  if (!knownEvents.has(event)) throw new RestError(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
  if (!/^https?:\/\/\S+$/.test(handler))
    throw new RestError(400, 'WRONG_HANDLER_URL', 'Wrong handler URL');
  if (
    ownBindings(context).some((binding) => binding.event === event && binding.handler === handler)
  ) {
    throw restErrors.core('Handler already binded');
  }

  const { portal, caller } = context;
  const installation = portal.state.installations.get(caller.clientId ?? '');
  if (!installation) throw restErrors.invalidToken();

  const authType = text(param(params, 'auth_type'));
  portal.state.eventBindings.insert({
    ID: String(portal.state.eventBindings.nextId()),
    event,
    handler,
    clientId: caller.clientId,
    userId: authType && authType !== '0' ? authType : caller.user.ID,
    applicationToken: installation.applicationToken,
  });
  return { result: true };
}

function get(context: MethodContext) {
  requireAdmin(context);
  const bindings = ownBindings(context).map((binding) => ({
    event: binding.event,
    handler: binding.handler,
    auth_type: binding.userId,
    offline: 0,
  }));
  return { result: bindings };
}

function unbind(context: MethodContext, params: Params) {
  requireAdmin(context);
  const event = text(param(params, 'event')).toUpperCase();
  const handler = text(param(params, 'handler'));

  const matching = ownBindings(context).filter(
    (binding) => binding.event === event && (handler === '' || binding.handler === handler),
  );
  for (const binding of matching) context.portal.state.eventBindings.delete(binding.ID);
  return { result: { count: matching.length } };
}

export const eventMethods = defineMethods(
  null,
  { 'event.bind': bind, 'event.get': get, 'event.unbind': unbind },
  { applicationOnly: true },
);
