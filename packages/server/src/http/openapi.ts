import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI document is generated from the same TypeBox schemas that validate the
 * requests, so it cannot drift from the code. Viewer at /api/docs, JSON at
 * /api/docs/json.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'AudioBot API',
        version,
        description:
          'Houses, schedules, staff and brigades mirrored from Bitrix24. Every read is ' +
          'answered from AudioBot’s store; errors are `{error, message}`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'audiobot_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}
