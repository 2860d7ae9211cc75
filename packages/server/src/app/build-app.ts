import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';

import packageJson from '../../package.json' with { type: 'json' };
import type { ApiContext } from '../api/api-context.js';
import { registerApiRoutes } from '../api/api-routes.js';
import { dataVersionOf } from '../api/data-version.js';
import { localDate } from '../api/local-date.js';
import { installAuthentication } from '../auth/authenticate.js';
import { secretsOf } from '../config/index.js';
import { apiError } from '../http/api-error.js';
import { installErrorHandler } from '../http/error-handler.js';
import { installFrameAncestors } from '../http/frame-ancestors.js';
import { installWebAndNotFound } from '../http/not-found-handler.js';
import { installOpenApi } from '../http/openapi.js';
import { installReadCache, type ReadCache } from '../http/read-cache.js';
import { categoryLogger, createLogger } from '../logging/logger.js';
import { createSecretRedactor, type SecretRedactor } from '../logging/secret-redactor.js';
import type { AppDependencies, ServedPortal } from './app-dependencies.js';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The HTTP application: API routes, OpenAPI document, the built web app. Nothing
 * listens yet: tests call `inject()`, the start command calls `listen()`.
 */
export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { config, store } = dependencies;
  const redactor = dependencies.redactor ?? createSecretRedactor(secretsOf(config));
  const logger = dependencies.logger ?? createLogger({ level: config.logLevel, redactor });

  const app = fastify({
    loggerInstance: categoryLogger(logger, 'http') as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    // An unknown property is a client's mistake (a typo loses an edit): say so, don't drop it.
    ajv: { customOptions: { allErrors: false, removeAdditional: false } },
  });

  if (dependencies.onRoute) app.addHook('onRoute', dependencies.onRoute);
  installErrorHandler(app, redactor);
  const portal = portalGetter(dependencies.portal);
  installFrameAncestors(app, () => portal()?.domain ?? null);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await installOpenApi(app, packageJson.version);
  installAuthentication(app, { db: store.db, adminToken: config.adminToken });
  const now = dependencies.now ?? (() => new Date());
  const readCache = installReadCache(app, {
    memberId: () => portal()?.memberId ?? null,
    today: () => localDate(now(), config.timeZone),
    dataVersion: (memberId) => dataVersionOf(store.db, memberId),
    enabled: dependencies.cacheReads ?? true,
  });
  logResponses(app);

  const context = apiContextOf(dependencies, portal, { redactor, readCache, now });
  registerApiRoutes(app.withTypeProvider<TypeBoxTypeProvider>(), context);
  for (const extend of dependencies.extensions ?? []) await extend(app, context);
  await installWebAndNotFound(app, webRootOf(dependencies));

  return app;
}

function apiContextOf(
  dependencies: AppDependencies,
  portal: () => ServedPortal | null,
  parts: { redactor: SecretRedactor; readCache: ReadCache; now: () => Date },
): ApiContext {
  const { config, store, queue } = dependencies;
  const { redactor, readCache, now } = parts;
  return {
    config,
    db: store.db,
    dialect: store.dialect,
    queue,
    redactor,
    portal,
    version: packageJson.version,
    readCache,
    memberId: () => {
      const served = portal();
      if (!served) throw apiError('portal_not_connected');
      return served.memberId;
    },
    today: () => localDate(now(), config.timeZone),
    runDoctor: async () => {
      if (!dependencies.runDoctor) throw apiError('portal_not_connected');
      return dependencies.runDoctor();
    },
  };
}

// One line per request, after the answer: method, route, status and time, no headers.
function logResponses(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        userId: request.user?.id,
      },
      'request',
    );
  });
}

function portalGetter(portal: AppDependencies['portal']): () => ServedPortal | null {
  return typeof portal === 'function' ? portal : () => portal;
}

function webRootOf(dependencies: AppDependencies): string | null {
  if (dependencies.webRoot === undefined) return DEFAULT_WEB_ROOT;
  return dependencies.webRoot === null ? null : path.resolve(dependencies.webRoot);
}
