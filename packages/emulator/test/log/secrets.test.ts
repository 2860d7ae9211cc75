import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/index.js';
import { smallPortal } from '../fixtures/small-portal.js';
import { callRest, control, getRest } from '../support/emulator-harness.js';
import { type HookReceiver, startHookReceiver } from '../support/hook-receiver.js';
import { installApplication, requestToken } from '../support/oauth-setup.js';

// STYLE.md habit 8: secrets are removed in one place, and a test proves they never
// reach a log line or the request log.
describe('secrets in the emulator log', () => {
  const lines: string[] = [];
  let emulator: RunningEmulator;
  let receiver: HookReceiver;

  beforeAll(async () => {
    emulator = await startEmulator({ snapshot: smallPortal(), log: (line) => lines.push(line) });
    receiver = await startHookReceiver();
  });
  afterAll(async () => {
    await emulator.stop();
    await receiver.close();
  });

  it('never writes a webhook code, token, code or client secret', async () => {
    const app = await installApplication(emulator, receiver);
    const secrets = [
      new URL(emulator.webhookUrl).pathname.split('/')[3] as string,
      'crmonlywebhook01',
      app.clientSecret,
      app.accessToken,
      app.refreshToken,
      app.applicationToken,
    ];

    await getRest(`${emulator.webhookUrl}crm.deal.get?id=1`);
    await getRest(`${emulator.url}/rest/2/crmonlywebhook01/user.get`);
    await getRest(`${emulator.url}/rest/profile?auth=${app.accessToken}`);
    await callRest(`${emulator.url}/rest/`, 'event.bind', {
      auth: app.accessToken,
      event: 'ONCRMDEALUPDATE',
      handler: `${receiver.url}/events?token=${app.applicationToken}`,
    });
    await callRest(emulator.webhookUrl, 'crm.deal.update', { id: 1, fields: { TITLE: 'x' } });
    const refreshed = await requestToken(emulator, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      refresh_token: app.refreshToken,
    });
    secrets.push(String(refreshed.body.access_token), String(refreshed.body.refresh_token));
    await emulator.portal.events.idle();

    const requestLog = JSON.stringify((await control(emulator, 'GET', '/requests')).body);
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(lines.join('\n')).not.toContain(secret);
      expect(requestLog).not.toContain(secret);
    }
    expect(lines.some((line) => line.includes('/rest/1/[redacted]/crm.deal.get'))).toBe(true);
  });
});
