export { ConfigError } from './config-error.js';
export { secretsOf } from './config-secrets.js';
export { type DatabaseConfig, DEFAULT_SQLITE_PATH, parseDatabaseUrl } from './database-url.js';
export { ENV_NAMES, type Env, envSchema, LOG_LEVELS } from './env-schema.js';
export { type Config, type LoadConfigOptions, type LogLevel, loadConfig } from './load-config.js';
export type { ApplicationCredentials, PortalConfig } from './portal-config.js';
export { resolveSecretKey, SECRET_KEY_FILE } from './secret-key.js';
