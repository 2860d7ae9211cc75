import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createStore } from '../../src/store/index.js';

describe('the default SQLite store', () => {
  it('creates its folder, keeps the data across restarts and migrates once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audiobot-store-'));
    const config = loadConfig({ env: {}, envFile: false, cwd: dir });

    const first = createStore(config);
    expect((await first.migrate()).map((result) => result.migrationName)).toEqual([
      '0001-initial',
      '0002-outbox',
      '0003-completions',
      '0004-acts',
      '0005-read-paths',
      '0006-completion-changes',
      '0007-plan-fingerprint',
      '0008-next-cleaning-type',
      '0009-house-list-items',
    ]);
    await first.db
      .insertInto('portals')
      .values({
        memberId: 'm1',
        domain: 'vas-dom.bitrix24.ru',
        authKind: 'webhook',
        status: 'active',
        createdAt: '2025-09-01T00:00:00.000Z',
        updatedAt: '2025-09-01T00:00:00.000Z',
      })
      .execute();
    await first.close();

    const second = createStore(config);
    expect(await second.migrate()).toEqual([]);
    const portals = await second.db.selectFrom('portals').select('domain').execute();
    await second.close();

    expect(existsSync(path.join(dir, 'data', 'audiobot.sqlite'))).toBe(true);
    expect(portals).toEqual([{ domain: 'vas-dom.bitrix24.ru' }]);
  });

  it('opens a store from a bare database URL', async () => {
    const store = createStore({ databaseUrl: ':memory:' });

    expect(store.dialect).toBe('sqlite');
    expect(await store.migrate()).toHaveLength(9);
    await store.close();
    expect(() => createStore({ databaseUrl: 'mysql://db/x' })).toThrow(/DATABASE_URL/);
  });
});
