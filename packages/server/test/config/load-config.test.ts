import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_NAMES, loadConfig } from '../../src/config/index.js';

const WEBHOOK = 'https://vas-dom.bitrix24.ru/rest/1/abcdef0123456789/';

function load(env: Record<string, string>, cwd = '/srv/audiobot') {
  return loadConfig({ env, envFile: false, cwd });
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs the demo portal with defaults when nothing is set', () => {
    const config = load({});

    expect(config.portal).toEqual({ kind: 'demo' });
    expect(config.database).toEqual({
      dialect: 'sqlite',
      path: '/srv/audiobot/data/audiobot.sqlite',
    });
    expect(config.dataDir).toBe('/srv/audiobot/data');
    expect(config.server).toEqual({ host: '0.0.0.0', port: 3000, publicUrl: null });
    expect(config.timeZone).toBe('Europe/Moscow');
    expect(config.sync).toEqual({ incrementalMinutes: 10, fullAt: { hour: 3, minute: 0 } });
    expect(config.logLevel).toBe('info');
    expect(config.adminToken).toBeNull();
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('sends one task per brigade into the leaders’ calendars unless told otherwise', () => {
    expect(load({}).dispatch).toEqual({ tasks: 'brigade', calendar: 'brigade' });
    expect(load({}).outbox).toEqual({ leaseSeconds: 300 });
    expect(load({ AUDIOBOT_OUTBOX_LEASE_SECONDS: '5' }).outbox).toEqual({ leaseSeconds: 5 });
    expect(
      load({ AUDIOBOT_DISPATCH_TASKS: 'house', AUDIOBOT_CALENDAR: 'company' }).dispatch,
    ).toEqual({ tasks: 'house', calendar: 'company' });

    const problems = problemsOf({ AUDIOBOT_DISPATCH_TASKS: 'day', AUDIOBOT_CALENDAR: 'yes' });
    expect(problems.some((problem) => problem.startsWith('AUDIOBOT_DISPATCH_TASKS:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('AUDIOBOT_CALENDAR:'))).toBe(true);
  });

  it('connects through the webhook and keeps the application credentials beside it', () => {
    const config = load({
      BITRIX_WEBHOOK_URL: 'https://vas-dom.bitrix24.ru/rest/1/abcdef0123456789',
      BITRIX_PORTAL_URL: 'https://vas-dom.bitrix24.ru/',
      BITRIX_APPLICATION_ID: 'local.6537665f598492.98090704',
      BITRIX_APPLICATION_SECRET: 'very-secret-value',
      BITRIX_MEMBER_ID: 'a1b2c3',
    });

    expect(config.portal).toEqual({
      kind: 'webhook',
      webhookUrl: WEBHOOK,
      portalUrl: 'https://vas-dom.bitrix24.ru',
      domain: 'vas-dom.bitrix24.ru',
      memberId: 'a1b2c3',
      application: { clientId: 'local.6537665f598492.98090704', clientSecret: 'very-secret-value' },
    });
  });

  it('uses the local application when no webhook is given', () => {
    const config = load({ BITRIX_APPLICATION_ID: 'local.1', BITRIX_APPLICATION_SECRET: 's3cr3t' });

    expect(config.portal).toMatchObject({ kind: 'application', portalUrl: null, memberId: null });
  });

  it('accepts plain http only for the emulator on loopback', () => {
    const config = load({ BITRIX_WEBHOOK_URL: 'http://127.0.0.1:4100/rest/1/code/' });

    expect(config.portal).toMatchObject({ kind: 'webhook', portalUrl: 'http://127.0.0.1:4100' });
    expect(problemsOf({ BITRIX_WEBHOOK_URL: 'http://vas-dom.bitrix24.ru/rest/1/code/' })).toEqual([
      'BITRIX_WEBHOOK_URL: must use https:// (Bitrix24 refuses plain http)',
    ]);
  });

  it('turns the scheduled syncs off and reads the other settings', () => {
    const config = load({
      AUDIOBOT_SYNC_INCREMENTAL_MINUTES: '0',
      AUDIOBOT_SYNC_FULL_AT: 'off',
      PORT: '0',
      HOST: '127.0.0.1',
      AUDIOBOT_PUBLIC_URL: 'https://audiobot.example.ru',
      AUDIOBOT_TIME_ZONE: 'Asia/Yekaterinburg',
      LOG_LEVEL: 'warn',
    });

    expect(config.sync).toEqual({ incrementalMinutes: 0, fullAt: null });
    expect(config.server).toEqual({
      host: '127.0.0.1',
      port: 0,
      publicUrl: 'https://audiobot.example.ru',
    });
    expect(config.timeZone).toBe('Asia/Yekaterinburg');
    expect(config.logLevel).toBe('warn');
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      PORT: 'abc',
      AUDIOBOT_TIME_ZONE: 'Moscow/Europe',
      AUDIOBOT_SYNC_FULL_AT: '25:00',
      AUDIOBOT_ADMIN_TOKEN: 'short',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://db/audiobot',
      BITRIX_APPLICATION_ID: 'local.1',
    });

    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/^PORT: /m);
    expect(problems.join('\n')).toMatch(/^AUDIOBOT_TIME_ZONE: must be an IANA time zone/m);
    expect(problems.join('\n')).toMatch(/^AUDIOBOT_SYNC_FULL_AT: /m);
    expect(problems.join('\n')).toMatch(/^AUDIOBOT_ADMIN_TOKEN: must be at least 16/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL: /m);
    expect(problems.join('\n')).toMatch(/^DATABASE_URL: /m);
    expect(problems).toContain('BITRIX_APPLICATION_SECRET: required with BITRIX_APPLICATION_ID');
  });

  it('names the placeholders copied from the guide and a webhook of another portal', () => {
    const problems = problemsOf({
      BITRIX_WEBHOOK_URL: 'https://vas-dom.bitrix24.ru/rest/[USER_ID]/[WEBHOOK_TOKEN]/',
      BITRIX_PORTAL_URL: 'https://other.bitrix24.ru',
    });

    expect(problems).toContain(
      'BITRIX_WEBHOOK_URL: still holds a placeholder from the guide, e.g. [USER_ID]',
    );
    expect(problems).toContain(
      'BITRIX_WEBHOOK_URL: must look like https://PORTAL/rest/USER_ID/CODE/',
    );
  });

  it('refuses a portal address without a way to connect', () => {
    expect(problemsOf({ BITRIX_PORTAL_URL: 'https://vas-dom.bitrix24.ru' })[0]).toMatch(
      /neither BITRIX_WEBHOOK_URL nor BITRIX_APPLICATION_ID/,
    );
  });

  it('reads DATABASE_URL in each accepted form', () => {
    const postgres = 'postgres://audiobot:pw@db:5432/audiobot';

    expect(load({ DATABASE_URL: postgres }).database).toEqual({
      dialect: 'postgres',
      url: postgres,
    });
    expect(load({ DATABASE_URL: 'sqlite:./x.db' }).database).toEqual({
      dialect: 'sqlite',
      path: '/srv/audiobot/x.db',
    });
    expect(load({ DATABASE_URL: '/var/lib/a.sqlite' }).database).toEqual({
      dialect: 'sqlite',
      path: '/var/lib/a.sqlite',
    });
    expect(load({ DATABASE_URL: ':memory:' }).database).toEqual({
      dialect: 'sqlite',
      path: ':memory:',
    });
  });

  it('reads the .env file, lets the environment win and treats empty values as unset', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audiobot-config-'));
    writeFileSync(path.join(dir, '.env'), 'PORT=4000\nHOST=127.0.0.1\nLOG_LEVEL=debug\n');

    const config = loadConfig({ env: { PORT: '5000', LOG_LEVEL: '' }, cwd: dir });

    expect(config.server.port).toBe(5000);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('debug');
  });

  it('starts the demo with .env.example copied as it is', () => {
    const example = path.join(import.meta.dirname, '../../.env.example');

    const config = loadConfig({ env: {}, envFile: example, cwd: '/srv/audiobot' });

    expect(config.portal.kind).toBe('demo');
    expect(config.server.port).toBe(3000);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(path.join(import.meta.dirname, '../../.env.example'), 'utf8');

    for (const name of ENV_NAMES) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('the mapping file', () => {
  function withFile(content: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'audiobot-mapping-'));
    writeFileSync(path.join(dir, 'mapping.json'), content);
    return dir;
  }

  it('is read and validated at start', () => {
    const dir = withFile(
      '{"address": "UF_CRM_1669561599956", "pipeline": 34, "brigadeParent": 11}',
    );

    const config = loadConfig({
      env: { AUDIOBOT_MAPPING_FILE: 'mapping.json' },
      envFile: false,
      cwd: dir,
    });

    expect(config.mappingFile).toBe(path.join(dir, 'mapping.json'));
    expect(config.mappingOverride).toEqual({
      pipeline: 34,
      brigadeParent: 11,
      schedule: undefined,
      roles: { address: 'UF_CRM_1669561599956' },
    });
  });

  it('adds its problems to the others', () => {
    const dir = withFile('{"address": "ADDRESS"}');
    const env = { AUDIOBOT_MAPPING_FILE: 'mapping.json', PORT: 'x' };

    expect(() => loadConfig({ env, envFile: false, cwd: dir })).toThrow(
      expect.objectContaining({
        problems: [
          'PORT: must be a whole number',
          'AUDIOBOT_MAPPING_FILE: address: must be a field code like UF_CRM_1669561599956',
        ],
      }),
    );
  });

  it('names a missing file and broken JSON', () => {
    const dir = withFile('{address');

    expect(problemsOf({ AUDIOBOT_MAPPING_FILE: '/nowhere/mapping.json' })).toEqual([
      'AUDIOBOT_MAPPING_FILE: /nowhere/mapping.json does not exist',
    ]);
    expect(() =>
      loadConfig({ env: { AUDIOBOT_MAPPING_FILE: 'mapping.json' }, envFile: false, cwd: dir }),
    ).toThrow(/is not JSON/);
  });
});
