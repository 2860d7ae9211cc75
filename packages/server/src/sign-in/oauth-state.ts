import type { FastifyReply, FastifyRequest } from 'fastify';

import { newToken, secretsEqual } from '../auth/session-token.js';

export const STATE_COOKIE = 'audiobot_oauth_state';
const STATE_PATH = '/api/auth/bitrix24/';
const STATE_SECONDS = 10 * 60;

/**
 * The OAuth `state` (docs: settings/oauth/index.md): random, and bound to the browser
 * that started the sign-in by a short-lived httpOnly cookie, so a code someone else
 * obtained cannot be slipped into this browser's callback. The cookie also names the
 * portal the sign-in was started for.
 */
export function issueState(reply: FastifyReply, memberId: string, secure: boolean): string {
  const state = newToken();
  reply.setCookie(STATE_COOKIE, `${state}.${memberId}`, {
    path: STATE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: STATE_SECONDS,
  });
  return state;
}

/** The portal the sign-in was started for, when `state` is this browser's; else null. */
export function consumeState(
  request: FastifyRequest,
  reply: FastifyReply,
  state: string | undefined,
): string | null {
  const cookie = request.cookies[STATE_COOKIE];
  reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
  if (!cookie || !state) return null;

  const dot = cookie.indexOf('.');
  if (dot <= 0) return null;
  const expected = cookie.slice(0, dot);
  return secretsEqual(state, expected) ? cookie.slice(dot + 1) : null;
}
