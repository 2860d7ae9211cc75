import { describe, expect, it } from 'vitest';
import { callRest, useEmulator } from '../support/emulator-harness.js';

// Docs: api-reference/common/system/app-info.md, scope.md, server-time.md,
// api-reference/common/users/profile.md, api-reference/chats/notifications/im-notify-system-add.md.
describe('system methods and notifications', () => {
  const emulator = useEmulator();
  const call = (method: string, params: object = {}) =>
    callRest(emulator().webhookUrl, method, params);

  it('answers app.info for a webhook with its scopes and the licence (app-info.md)', async () => {
    const info = (await call('app.info')).body.result as Record<string, unknown>;
    expect(info.SCOPE).toEqual(
      expect.arrayContaining(['crm', 'user', 'department', 'task', 'calendar', 'im']),
    );
    expect(info.LICENSE_FAMILY).toBe('project');
  });

  it('answers scope with the caller’s scopes, all of them with full (scope.md)', async () => {
    const crmOnly = await callRest(`${emulator().url}/rest/2/crmonlywebhook01/`, 'scope');
    expect(crmOnly.body.result).toEqual(['crm']);
    expect((await call('scope', { full: true })).body.result).toEqual(
      expect.arrayContaining(['crm', 'user_basic']),
    );
  });

  it('answers profile with ADMIN for the admin webhook (profile.md)', async () => {
    expect((await call('profile')).body.result).toMatchObject({
      ID: '1',
      ADMIN: true,
      NAME: 'Админ',
    });
  });

  it('answers server.time on the emulator clock in the portal zone (server-time.md)', async () => {
    const time = (await call('server.time')).body.result as string;
    expect(Math.abs(Date.parse(time) - Date.parse('2025-09-15T09:00:00Z'))).toBeLessThan(60_000);
  });

  it('sends a system notification and answers its id (im-notify-system-add.md)', async () => {
    const sent = await call('im.notify.system.add', {
      USER_ID: 2,
      MESSAGE: 'План на завтра готов',
    });
    expect(sent.body.result).toBe(1);
    expect(emulator().portal.state.notifications.get(1)).toMatchObject({
      userId: '2',
      message: 'План на завтра готов',
    });

    const empty = await call('im.notify.system.add', { USER_ID: 2, MESSAGE: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('MESSAGE_EMPTY');
  });
});
