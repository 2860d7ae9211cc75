import type { Health } from '../api/types.js';
import { t } from '../i18n/index.js';

/** What the sign-in screen offers: the demo's one click, or Bitrix24 when configured. */
export interface SignInOptions {
  demo: boolean;
  bitrix24: boolean;
}

export function signInOptions(health: Health | null): SignInOptions {
  const demo = health?.demo === true;
  return { demo, bitrix24: !demo && health?.signIn?.bitrix24 === true };
}

/** Words for the `?signInError=code` the server sends a refused Bitrix24 sign-in back with. */
export function signInErrorText(search: string): string | null {
  const code = new URLSearchParams(search).get('signInError');
  if (!code) return null;
  return t.errors[code] ?? t.signIn.failed;
}
