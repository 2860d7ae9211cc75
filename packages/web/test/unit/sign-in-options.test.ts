import { describe, expect, it } from 'vitest';
import type { Health } from '../../src/api/types.js';
import { t } from '../../src/i18n/index.js';
import { signInErrorText, signInOptions } from '../../src/logic/sign-in-options.js';

// The sign-in screen offers what the server can do, as /api/health says.

function health(overrides: Partial<Health>): Health {
  return {
    status: 'ok',
    demo: false,
    portal: { domain: 'vas-dom.bitrix24.ru' },
    lastSync: null,
    version: '1.0.0',
    ...overrides,
  };
}

describe('sign-in options', () => {
  it('offers Bitrix24 when the local application is configured', () => {
    expect(signInOptions(health({ signIn: { bitrix24: true } }))).toEqual({
      demo: false,
      bitrix24: true,
    });
  });

  it('offers no Bitrix24 button without the application, or before health answers', () => {
    expect(signInOptions(health({ signIn: { bitrix24: false } })).bitrix24).toBe(false);
    expect(signInOptions(health({})).bitrix24).toBe(false);
    expect(signInOptions(null)).toEqual({ demo: false, bitrix24: false });
  });

  it('keeps the demo to its one-click sign-in', () => {
    expect(signInOptions(health({ demo: true, signIn: { bitrix24: false } }))).toEqual({
      demo: true,
      bitrix24: false,
    });
  });

  it('puts a refused sign-in into words', () => {
    expect(signInErrorText('?signInError=portal_not_connected')).toBe(
      t.errors.portal_not_connected,
    );
    expect(signInErrorText('?signInError=something_new')).toBe(t.signIn.failed);
    expect(signInErrorText('?page=2')).toBeNull();
  });
});
