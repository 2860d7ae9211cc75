import { startEmulator } from '@audiobot/emulator';
import { describe, expect, it } from 'vitest';

import { SESSION_COOKIE } from '../../src/auth/authenticate.js';
import { LOG_LINE_CHANNEL } from '../../src/logging/logger.js';
import { asAdmin, createApiFixture } from '../api/support/api-fixture.js';
import { reportOf, searchReports } from './support/leak-report.js';
import { describeLeaks, type EmittedText, findLeaks, findLeaksIn } from './support/leak-scan.js';
import * as watched from './support/leak-watch.js';
import { LeakWatch } from './support/leak-watch.js';

/**
 * The suite-wide leak scan (README.md here) must find a leak when there is one: a
 * checker that never fires would let every test file pass. The secrets leaked here are
 * known only to the local watch, so the file's own watch stays clean.
 */
describe('the leak scan', () => {
  const secrets = new Map([
    ['hook-code-4f1c9a', 'webhook code'],
    ['refresh/token+7=', 'refresh token'],
    ['abc', 'too short to be a secret'],
  ]);

  it("listens on the logger's channel and knows the session cookie's name", () => {
    expect(watched.LOG_LINE_CHANNEL).toBe(LOG_LINE_CHANNEL);
    expect(watched.SESSION_COOKIE).toBe(SESSION_COOKIE);
  });

  it('finds a secret written plainly or URL-encoded, and names only its kind', () => {
    const texts: EmittedText[] = [
      { origin: 'a log line', text: '{"msg":"GET /rest/1/hook-code-4f1c9a/user.get"}' },
      { origin: 'the answer to GET /x (302)', text: 'location: /cb?t=refresh%2Ftoken%2B7%3D' },
      { origin: 'the answer to GET /y (200)', text: '{"name":"abc","ok":true}' },
    ];

    const leaks = findLeaks(secrets, texts);

    expect(leaks.map((leak) => [leak.kind, leak.origin])).toEqual([
      ['webhook code', 'a log line'],
      ['refresh token', 'the answer to GET /x (302)'],
    ]);
    const report = describeLeaks(leaks);
    expect(report).toContain('/rest/1/[webhook code]/user.get');
    expect(report).not.toContain('hook-code-4f1c9a');
    expect(report).not.toContain('refresh%2Ftoken');
  });

  it('masks every secret near the one it reports', () => {
    const text = 'a=hook-code-4f1c9a&b=refresh/token+7=';
    const [first] = findLeaks(secrets, [{ origin: 'a log line', text }]);

    expect(first?.excerpt).toBe('a=[webhook code]&b=[refresh token]');
  });

  it('lets an answer carry only the secret it hands over', () => {
    const created = new Set(['abt_new-token-123']);
    const known = new Map([...secrets, ['abt_new-token-123', 'API token']]);
    const texts: EmittedText[] = [
      { origin: 'creating', text: '{"secret":"abt_new-token-123"}', exempt: created },
      { origin: 'creating, badly', text: '"abt_new-token-123 hook-code-4f1c9a"', exempt: created },
      { origin: 'a log line', text: 'token abt_new-token-123 created' },
    ];

    const leaks = findLeaks(known, texts);

    expect(leaks.map((leak) => `${leak.kind} in ${leak.origin}`)).toEqual([
      'webhook code in creating, badly',
      'API token in a log line',
    ]);
    expect(findLeaksIn(known, texts)).toEqual(leaks);
    expect(findLeaksIn(known, [texts[0] as EmittedText])).toEqual([]);
  });

  it('finds a secret one test file used in what another file said', () => {
    const used = new LeakWatch();
    used.addSecret('shared-constant-8a1f', 'admin token');
    const said = new LeakWatch();
    said.texts.push({ origin: 'a log line', text: 'token shared-constant-8a1f' });
    const written = [reportOf('a.test.ts', used), reportOf('b.test.ts', said)];

    const { leaks } = searchReports(JSON.parse(JSON.stringify(written)));

    expect(describeLeaks(leaks)).toBe(
      'admin token in b.test.ts: a log line: …token [admin token]…',
    );
  });

  it('catches a secret in a log line, an injected answer and a real HTTP answer', async () => {
    const watch = new LeakWatch();
    watch.addSecret('deliberate-leak-secret-2c7e', 'deliberately leaked secret');
    watch.start();
    const fixture = await createApiFixture();
    fixture.app.get('/leak', async (request) => {
      request.log.info({ note: 'deliberate-leak-secret-2c7e' }, 'leaking on purpose');
      return { leaked: 'deliberate-leak-secret-2c7e' };
    });

    await fixture.app.inject({ url: '/leak' });
    const address = await fixture.app.listen({ port: 0, host: '127.0.0.1' });
    await (await fetch(`${address}/leak`)).text();
    await fixture.close();
    watch.stop();

    const origins = findLeaksIn(watch.secrets, watch.texts).map((leak) => leak.origin);
    expect(origins.filter((origin) => origin === 'a log line')).toHaveLength(2);
    expect(
      origins.filter((origin) => origin === 'the body of the answer to GET /leak (200)'),
    ).toHaveLength(2);
  });

  it('knows a new API token and lets only the answer that creates it show it', async () => {
    const watch = new LeakWatch();
    watch.start();
    const fixture = await createApiFixture({
      portal: { memberId: 'm-1', domain: 'x', demo: false },
    });

    const created = await fixture.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: asAdmin,
      payload: { name: 'Выгрузка' },
    });
    await fixture.close();
    watch.stop();

    const secret = String(created.json().secret);
    expect(watch.secrets.get(secret)).toBe('API token');
    expect(watch.secrets.get(asAdmin.authorization.slice('Bearer '.length))).toBeDefined();
    expect(findLeaksIn(watch.secrets, watch.texts)).toEqual([]);
    expect(findLeaks(watch.secrets, [{ origin: 'elsewhere', text: secret }])).toHaveLength(1);
  });

  it('lets a sign-in set the session cookie in its headers only', async () => {
    const watch = new LeakWatch();
    watch.start();
    const fixture = await createApiFixture();
    fixture.app.get('/sign-in', async (_request, reply) => {
      reply.setCookie('audiobot_session', 'session-value-9d2f', { httpOnly: true });
      return { signedIn: true };
    });

    await fixture.app.inject({ url: '/sign-in' });
    await fixture.close();
    watch.stop();

    expect(watch.secrets.get('session-value-9d2f')).toBe('session token');
    expect(findLeaksIn(watch.secrets, watch.texts)).toEqual([]);
    const answer = (part: string) =>
      watch.texts.find((text) => text.origin === `the ${part} of the answer to GET /sign-in (200)`);
    expect(answer('headers')?.text).toContain('audiobot_session=session-value-9d2f');
    expect(answer('headers')?.exempt?.has('session-value-9d2f')).toBe(true);
    expect(answer('body')?.exempt?.size).toBe(0);
  });

  it("takes the emulator's codes and tokens as secrets, not its client id", async () => {
    const watch = new LeakWatch();
    const emulator = watch.watchEmulator(await startEmulator({ houses: 3 }));
    const issued = emulator.portal.newSecret();
    const made = await fetch(`${emulator.controlUrl}/application`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const application = (await made.json()) as { clientId: string; clientSecret: string };
    watch.addSecret('deliberate-task-secret-5b', 'deliberately leaked secret');
    await fetch(`${emulator.webhookUrl}tasks.task.add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { TITLE: 'deliberate-task-secret-5b', RESPONSIBLE_ID: 1 } }),
    });
    await emulator.stop();
    watch.stop();

    const code = /\/rest\/\d+\/([^/]+)\//.exec(emulator.webhookUrl)?.[1] ?? '';
    expect(watch.secrets.get(code)).toBe('emulator webhook code');
    expect(watch.secrets.get(emulator.application.clientSecret)).toBe('client secret');
    expect(watch.secrets.get(issued)).toBe('emulator-issued token or code');
    expect(watch.secrets.get(application.clientSecret)).toBeDefined();
    const clientIds = [emulator.application.clientId, application.clientId];
    const inClientId = (secret: string) => clientIds.some((clientId) => clientId.includes(secret));
    expect([...watch.secrets.keys()].filter(inClientId)).toEqual([]);
    expect(findLeaksIn(watch.secrets, watch.texts).map((leak) => leak.origin)).toEqual([
      "the emulator's tasks, shown in Bitrix24",
    ]);
  });
});
