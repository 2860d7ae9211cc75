import { formatZoned } from '../../clock/zoned-time.js';
import { RestError } from '../../errors/rest-error.js';
import { defineMethods, type MethodContext, type Params } from '../method-definition.js';
import { param, positiveId, text } from '../params.js';

/**
 * `im.notify.system.add`: a system notification to a user; the result is its id
 * (docs: api-reference/chats/notifications/im-notify-system-add.md). A TAG is unique
 * within the application: a notification with a tag removes the earlier ones with it.
 */
function systemAdd({ portal, caller }: MethodContext, params: Params) {
  const userId = positiveId(param(params, 'USER_ID'));
  if (userId === null || !portal.state.users.get(userId)) {
    throw new RestError(400, 'USER_ID_EMPTY', 'Recipient ID is empty');
  }
  const message = text(param(params, 'MESSAGE'));
  if (message.trim() === '') throw new RestError(400, 'MESSAGE_EMPTY', "Message can't be empty");

  const { notifications } = portal.state;
  const tag = text(param(params, 'TAG'));
  const fromApplication = caller.clientId ?? (text(param(params, 'CLIENT_ID')) || null);
  if (tag !== '') removeTagged(portal.state.notifications, tag, fromApplication);

  const id = notifications.nextId();
  notifications.insert({
    ID: String(id),
    userId: String(userId),
    message,
    tag,
    fromApplication,
    createdAt: formatZoned(portal.clock.now(), portal.state.portal.timeZone),
  });
  return { result: id };
}

function removeTagged(
  notifications: MethodContext['portal']['state']['notifications'],
  tag: string,
  fromApplication: string | null,
): void {
  for (const notification of notifications.values()) {
    if (notification.tag === tag && notification.fromApplication === fromApplication) {
      notifications.delete(notification.ID);
    }
  }
}

export const notifyMethods = defineMethods('im', { 'im.notify.system.add': systemAdd });
