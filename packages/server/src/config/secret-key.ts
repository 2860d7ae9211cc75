import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './load-config.js';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The key that encrypts portal tokens at rest.
 *
 * `AUDIOBOT_SECRET_KEY` wins. Without it, a random key is generated once into
 * `<dataDir>/secret.key` (mode 0600) and reused, so `npm start` works on a fresh clone
 * and the key never sits in the repository. The file must travel with the SQLite file:
 * without it the stored tokens cannot be decrypted and the portal must be reconnected.
 * For PostgreSQL in production set the variable, since the data dir is not backed up
 * with the database. An in-memory store gets a key that lives as long as the process.
 */
export function resolveSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  if (config.database.dialect === 'sqlite' && config.database.path === ':memory:') {
    return memoryKey(config);
  }

  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();

  const key = randomKey();
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** One key per configuration, so every part of the process seals with the same key. */
const memoryKeys = new WeakMap<Config, string>();

function memoryKey(config: Config): string {
  const key = memoryKeys.get(config) ?? randomKey();
  memoryKeys.set(config, key);
  return key;
}

function randomKey(): string {
  return randomBytes(32).toString('base64url');
}
