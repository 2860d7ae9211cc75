/**
 * What the OAuth server answered to one refresh: the refresh token that was sent, the
 * status and the error code (null on success). Never the new tokens.
 */
export interface RefreshAnswer {
  refreshToken: string;
  status: number;
  errorCode: string | null;
}

type FetchFunction = typeof fetch;

/**
 * Wraps the client's fetch to learn how each token refresh ended. The Bitrix24 client
 * refreshes inside one call and throws the refusal to whichever caller was waiting; this
 * lets the application side see it once, in one place, and stop using spent tokens.
 */
export function observeRefreshes(
  fetchImpl: FetchFunction,
  onAnswer: (answer: RefreshAnswer) => Promise<void>,
): FetchFunction {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const refreshToken = refreshTokenSent(input, init);
    if (refreshToken === null) return response;

    const errorCode = response.ok ? null : await errorCodeOf(response.clone());
    await onAnswer({ refreshToken, status: response.status, errorCode });
    return response;
  };
}

function refreshTokenSent(input: Parameters<FetchFunction>[0], init?: RequestInit): string | null {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!/\/oauth\/token\/?(\?|$)/.test(url)) return null;
  if (typeof init?.body !== 'string') return null;

  const form = new URLSearchParams(init.body);
  if (form.get('grant_type') !== 'refresh_token') return null;
  return form.get('refresh_token');
}

async function errorCodeOf(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}
