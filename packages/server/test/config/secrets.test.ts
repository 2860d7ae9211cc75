import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveSecretKey, secretsOf } from '../../src/config/index.js';

describe('secretsOf', () => {
  it('lists the webhook, its code, the application secret, tokens and the db password', () => {
    const config = loadConfig({
      envFile: false,
      env: {
        BITRIX_WEBHOOK_URL: 'https://vas-dom.bitrix24.ru/rest/1/abcdef0123456789/',
        BITRIX_APPLICATION_ID: 'local.1',
        BITRIX_APPLICATION_SECRET: 'app-secret-1',
        AUDIOBOT_ADMIN_TOKEN: 'admin-token-0123456789',
        AUDIOBOT_SECRET_KEY: 'k'.repeat(32),
        DATABASE_URL: 'postgres://audiobot:db%40pass@db/audiobot',
      },
    });

    expect(secretsOf(config).sort()).toEqual(
      [
        'https://vas-dom.bitrix24.ru/rest/1/abcdef0123456789/',
        'abcdef0123456789',
        'app-secret-1',
        'admin-token-0123456789',
        'k'.repeat(32),
        'db@pass',
      ].sort(),
    );
  });

  it('has nothing to hide in the demo', () => {
    expect(secretsOf(loadConfig({ env: {}, envFile: false }))).toEqual([]);
  });
});

describe('resolveSecretKey', () => {
  it('generates the key once into the data dir, readable only by its owner', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audiobot-key-'));
    const config = loadConfig({
      env: { DATABASE_URL: 'sqlite:store/a.sqlite' },
      envFile: false,
      cwd: dir,
    });

    const first = resolveSecretKey(config);
    const second = resolveSecretKey(config);

    const file = path.join(dir, 'store', 'secret.key');
    expect(first).toHaveLength(43);
    expect(second).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('prefers AUDIOBOT_SECRET_KEY and writes nothing for an in-memory store', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audiobot-key-'));
    const key = 'x'.repeat(40);
    const env = { AUDIOBOT_SECRET_KEY: key };

    expect(resolveSecretKey(loadConfig({ env, envFile: false, cwd: dir }))).toBe(key);
    const memory = loadConfig({ env: { DATABASE_URL: ':memory:' }, envFile: false, cwd: dir });
    expect(resolveSecretKey(memory)).toHaveLength(43);
    expect(resolveSecretKey(memory)).toBe(resolveSecretKey(memory));
    expect(existsSync(path.join(dir, 'data'))).toBe(false);
  });
});
