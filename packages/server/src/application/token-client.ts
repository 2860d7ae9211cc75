import {
  type Bitrix24Client,
  type Bitrix24Logger,
  createBitrix24Client,
  createMemoryTokenStore,
} from '@audiobot/bitrix24';

import type { ApplicationCredentials } from '../config/index.js';

export interface TokenClientOptions {
  /** `https://portal.bitrix24.ru`: taken from the store, never from the request. */
  portalUrl: string;
  application: ApplicationCredentials;
  accessToken: string;
  logger?: Bitrix24Logger;
  fetch?: typeof fetch;
}

/**
 * A client for one check with a token someone handed us (an install call, a frame, a
 * sign-in). It never refreshes: a refresh would send the client secret to whatever
 * OAuth server the token's sender named, and a token that needs one proves nothing.
 */
export function tokenClient(options: TokenClientOptions): Bitrix24Client {
  return createBitrix24Client({
    auth: {
      type: 'oauth',
      portalUrl: options.portalUrl,
      clientId: options.application.clientId,
      clientSecret: options.application.clientSecret,
      tokenStore: createMemoryTokenStore({ accessToken: options.accessToken, refreshToken: '-' }),
    },
    retry: { maxAttempts: 1 },
    timeoutMs: 15_000,
    logger: options.logger,
    fetch: refusingRefresh(options.fetch ?? globalThis.fetch),
  });
}

function refusingRefresh(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/oauth\/token\/?(\?|$)/.test(url)) return fetchImpl(input, init);

    const refusal = { error: 'invalid_grant', error_description: 'no refresh for a one-off check' };
    return new Response(JSON.stringify(refusal), {
      status: 400,
      headers: { 'content-type': 'application/json' },
    });
  };
}
