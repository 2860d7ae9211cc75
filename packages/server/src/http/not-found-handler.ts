import { existsSync } from 'node:fs';
import path from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { errorBody } from './error-handler.js';

/**
 * Unknown /api routes answer 404 JSON. When the web app is built, its files are served
 * and every other GET that accepts HTML gets index.html, so client-side routes
 * (`/houses/42`) survive a reload.
 */
export async function installWebAndNotFound(
  app: FastifyInstance,
  webRoot: string | null,
): Promise<void> {
  const servesWeb = webRoot !== null && existsSync(path.join(webRoot, 'index.html'));
  if (servesWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (servesWeb && isPageRequest(request)) return reply.sendFile('index.html');

    request.log.info({ error: 'not_found' }, 'no such route');
    return reply.status(404).send(errorBody('not_found'));
  });
}

function isPageRequest(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '';
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html') || !path.extname(pathname);
}
