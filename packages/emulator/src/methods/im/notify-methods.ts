import { formatZoned } from '../../clock/zoned-time.js';
import { RestError } from '../../errors/rest-error.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param, positiveId, text } from '../params.js';

/**
 * `im.notify.system.add`: a system notification to a user; the result is its id
 * (docs: api-reference/chats/notifications/im-notify-system-add.md).
 */
function systemAdd({ portal, caller }: MethodContext, params: Params) {
  const userId = positiveId(param(params, 'USER_ID'));
  if (userId === null || !portal.state.users.get(userId)) {
    throw new RestError(400, 'USER_ID_EMPTY', 'Recipient ID is empty');
  }
  const message = text(param(params, 'MESSAGE'));
  if (message.trim() === '') throw new RestError(400, 'MESSAGE_EMPTY', "Message can't be empty");

  const { notifications } = portal.state;
  const id = notifications.nextId();
  notifications.insert({
    ID: String(id),
    userId: String(userId),
    message,
    tag: text(param(params, 'TAG')),
    fromApplication: caller.clientId,
    createdAt: formatZoned(portal.clock.now(), portal.state.portal.timeZone),
  });
  return { result: id };
}

export const notifyMethods = defineMethods('im', { 'im.notify.system.add': systemAdd });
