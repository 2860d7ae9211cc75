import type { RunningEmulator } from '@audiobot/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Bitrix24Error, parseWebhookUrl } from '../../src/index.js';
import { control, startHousePortal, webhookClient } from '../support/emulator-harness.js';
import { expectNoSecret } from '../support/expect-no-secret.js';
import { recordingLogger } from '../support/recording-logger.js';

/**
 * Every failure a portal answers, classified, and with the webhook code nowhere in what
 * the client says about it (docs: error-codes.md, _includes/system-errors.md).
 */
describe('error classification and redaction against the emulator', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startHousePortal();
  });
  afterAll(() => emulator.stop());
  afterEach(async () => {
    await control(emulator, 'POST', '/portal/restore');
    await control(emulator, 'POST', '/users/1/activate');
  });

  async function webhook(scopes: string[], userId = '1'): Promise<string> {
    const created = await control<{ url: string }>(emulator, 'POST', '/webhooks', {
      userId,
      scopes,
    });
    return created.url;
  }

  /** Calls and returns the error, after checking the secret appears nowhere in it. */
  async function failure(url: string, method: string, params = {}): Promise<Bitrix24Error> {
    const logger = recordingLogger();
    const client = webhookClient(emulator, { logger }, url);
    const error = await client.call(method, params).then(
      () => {
        throw new Error(`${method} succeeded`);
      },
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(Bitrix24Error);
    expectNoSecret(error as Bitrix24Error, logger.text(), parseWebhookUrl(url).code);
    return error as Bitrix24Error;
  }

  it('insufficient_scope is kind scope and names the missing scope', async () => {
    const url = await webhook(['user']);
    const error = await failure(url, 'crm.deal.list');
    expect(error).toMatchObject({
      kind: 'scope',
      code: 'insufficient_scope',
      status: 401,
      method: 'crm.deal.list',
      missingScope: 'crm',
      retryable: false,
      attempts: 1,
    });
  });

  it('names the scope of each feature the guide lists', async () => {
    const url = await webhook(['crm']);
    expect(await failure(url, 'user.get')).toMatchObject({ kind: 'scope', missingScope: 'user' });
    expect(await failure(url, 'department.get')).toMatchObject({ missingScope: 'department' });
    expect(await failure(url, 'tasks.task.list')).toMatchObject({ missingScope: 'task' });
    expect(await failure(url, 'calendar.section.get', { type: 'user', ownerId: 1 })).toMatchObject({
      missingScope: 'calendar',
    });
  });

  it('a wrong webhook code is kind credentials', async () => {
    const url = `${emulator.url}/rest/1/wrongwebhookcode9/`;
    const error = await failure(url, 'server.time');
    expect(error).toMatchObject({ kind: 'credentials', code: 'INVALID_CREDENTIALS', status: 401 });
  });

  it('a deactivated user is kind user_inactive', async () => {
    const url = await webhook(['crm'], '1');
    await control(emulator, 'POST', '/users/1/deactivate');
    const error = await failure(url, 'crm.deal.list');
    expect(error).toMatchObject({ kind: 'user_inactive', code: 'authorization_error' });
  });

  it('a deleted portal is kind portal_gone', async () => {
    const url = await webhook(['crm']);
    await control(emulator, 'POST', '/portal/delete');
    const error = await failure(url, 'crm.deal.list');
    expect(error).toMatchObject({ kind: 'portal_gone', code: 'PORTAL_DELETED', status: 403 });
  });

  it('an unknown method is kind method_not_found', async () => {
    const error = await failure(emulator.webhookUrl, 'crm.deal.nosuchthing');
    expect(error).toMatchObject({ kind: 'method_not_found', status: 404, retryable: false });
  });

  it('a method that needs an application, called by webhook, is kind access_denied', async () => {
    const params = { event: 'ONCRMDEALUPDATE', handler: 'https://audiobot.example/events' };
    const error = await failure(emulator.webhookUrl, 'event.bind', params);
    expect(error).toMatchObject({ kind: 'access_denied', code: 'ACCESS_DENIED', status: 403 });
  });

  it('a missing record is kind not_found', async () => {
    const error = await failure(emulator.webhookUrl, 'crm.deal.get', { id: 999_999 });
    expect(error).toMatchObject({ kind: 'not_found', status: 400 });
  });
});
