/**
 * @audiobot/server: the core service. `startServer()` is what `npm start` runs;
 * `buildApp()` is the HTTP application alone, for tests and embedding.
 */
export type { AppDependencies, AppExtension, ServedPortal } from './app/app-dependencies.js';
export { buildApp } from './app/build-app.js';
export { type RunningServer, type StartOptions, startServer } from './app/start-server.js';
export {
  type AppLogger,
  categoryLogger,
  createLogger,
  type LogCategory,
} from './logging/logger.js';
export { createSecretRedactor, type SecretRedactor } from './logging/secret-redactor.js';
