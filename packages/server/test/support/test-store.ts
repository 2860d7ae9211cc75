import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.js';

/**
 * The store the server tests run against: SQLite in memory by default; with
 * AUDIOBOT_TEST_DB=postgres (`npm run test:pg`), a fresh schema of database `test` on
 * 127.0.0.1:5432, dropped on close. When PostgreSQL is asked for but not reachable, the
 * store suites skip (use `describeStore` / `itStore`) instead of failing.
 */

export const testDatabase: 'sqlite' | 'postgres' =
  process.env.AUDIOBOT_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

const PG_HOST = process.env.AUDIOBOT_TEST_PG_HOST ?? '127.0.0.1:5432';
const PG_USERS = ['postgres', 'root'];

async function findPostgresUrl(): Promise<string | null> {
  for (const user of PG_USERS) {
    const url = `postgres://${user}@${PG_HOST}/test`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return url;
    } catch {
      // Try the next user; none working means no server for us: skip.
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return null;
}

const postgresUrl = testDatabase === 'postgres' ? await findPostgresUrl() : null;

/** False only when PostgreSQL was asked for and cannot be reached. */
export const storeAvailable = testDatabase === 'sqlite' || postgresUrl !== null;

export const describeStore = describe.skipIf(!storeAvailable);
export const itStore = it.skipIf(!storeAvailable);

/** A migrated, empty store; `close()` also drops its PostgreSQL schema. */
export async function createTestStore(): Promise<Store> {
  if (testDatabase === 'sqlite') {
    const store = createStore({ database: { dialect: 'sqlite', path: ':memory:' } });
    await store.migrate();
    return store;
  }
  if (!postgresUrl) throw new Error('PostgreSQL is not reachable: guard with describeStore');
  return createPostgresTestStore(postgresUrl);
}

async function createPostgresTestStore(url: string): Promise<Store> {
  const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create schema "${schema}"`);

  const store = createStore({ database: { dialect: 'postgres', url }, pgSchema: schema });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    await adminQuery(url, `drop schema "${schema}" cascade`);
    throw error;
  }

  return {
    ...store,
    async close() {
      await store.close();
      await adminQuery(url, `drop schema "${schema}" cascade`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A migrated store another process can open too (a child process under test): an SQLite
 * file, or a fresh PostgreSQL schema reached through `search_path` in the URL.
 */
export async function createSharedTestStore(
  dir: string,
): Promise<{ store: Store; databaseUrl: string }> {
  if (testDatabase === 'sqlite') {
    const file = `${dir}/store.sqlite`;
    const store = createStore({ database: { dialect: 'sqlite', path: file } });
    await store.migrate();
    return { store, databaseUrl: `sqlite://${file}` };
  }
  if (!postgresUrl) throw new Error('PostgreSQL is not reachable: guard with describeStore');
  const store = await createPostgresTestStore(postgresUrl);
  const schema = await store.db
    .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('schema'))
    .executeTakeFirstOrThrow();
  const options = encodeURIComponent(`-c search_path=${schema.schema},public`);
  return { store, databaseUrl: `${postgresUrl}?options=${options}` };
}
