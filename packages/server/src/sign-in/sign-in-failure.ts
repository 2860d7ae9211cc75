import type { FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from '../http/api-error.js';

/**
 * The start and callback of «Войти через Bitrix24» are pages a browser navigates to: a
 * refusal there would leave the user before a bare JSON answer. A browser (one that asks
 * for HTML) is sent back to the web app with the error code, which the sign-in screen
 * shows in words; scripts and tests still get the JSON error.
 */
export function returnToWebApp(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  if (!(error instanceof ApiError) || !acceptsHtml(request)) throw error;

  request.log.info({ category: 'auth', error: error.code }, 'Bitrix24 sign-in refused');
  return reply.redirect(`/?signInError=${encodeURIComponent(error.code)}`, 302);
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}
