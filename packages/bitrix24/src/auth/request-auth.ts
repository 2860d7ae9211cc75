import type { Bitrix24Error } from '../errors/bitrix24-error.js';

/** What one call has already done to recover from auth errors: each at most once. */
export interface AuthRecovery {
  refreshedForExpired: boolean;
  refreshedForInvalid: boolean;
}

/** How requests are addressed and authorised: by webhook path or by OAuth token. */
export interface RequestAuth {
  /** The address a method name is appended to; holds the webhook code, so never logged. */
  readonly restBase: string;
  /** The endpoint with its secret hidden, for logs and the doctor. */
  describe(): string;
  /** The token to send as `auth`, or null when the address itself authorises. */
  accessToken(): Promise<string | null>;
  /**
   * Called after an error answer; true when the call should be sent again with fresh
   * credentials. Throws when the recovery itself fails (e.g. a spent refresh token).
   */
  recover(error: Bitrix24Error, usedToken: string | null, recovery: AuthRecovery): Promise<boolean>;
}
