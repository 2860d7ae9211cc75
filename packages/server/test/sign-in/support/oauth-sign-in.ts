import type { ApplicationHarness } from '../../application/support/application-harness.js';

/**
 * Signs a portal user in the way a browser does: AudioBot's start page, the emulator's
 * authorization page approving for `userId`, the callback. Returns the session token.
 */
export async function signInThroughPortal(
  harness: ApplicationHarness,
  userId: number,
): Promise<string> {
  const start = await harness.app.inject({ method: 'GET', url: '/api/auth/bitrix24/start' });
  const state = start.cookies.find((c) => c.name === 'audiobot_oauth_state')?.value ?? '';

  const authorize = new URL(String(start.headers.location));
  authorize.searchParams.set('user_id', String(userId));
  const approved = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(String(approved.headers.get('location')));

  const callback = await harness.app.inject({
    method: 'GET',
    url: `/api/auth/bitrix24/callback${back.search}`,
    cookies: { audiobot_oauth_state: state },
  });
  const session = callback.cookies.find((c) => c.name === 'audiobot_session')?.value;
  if (callback.statusCode !== 302 || !session) {
    throw new Error(`sign-in of user ${userId} failed: ${callback.statusCode} ${callback.body}`);
  }
  return session;
}
