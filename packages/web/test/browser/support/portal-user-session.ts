import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { SESSION_COOKIE } from '../../../../server/src/auth/authenticate.js';
import { userOfEmployee } from '../../../../server/src/auth/employee-user.js';
import { createSession } from '../../../../server/src/auth/session-store.js';
import { createStore } from '../../../../server/src/store/index.js';
import { baseUrl } from './app-session.js';
import { PHONE } from './chromium.js';

// A portal user signed in, the way the Bitrix24 sign-in would leave them: a
// session row made by the server's own code in the server's store, and its
// cookie in the browser. Only for a server this suite started (its SQLite file).

export const databasePath = inject('databasePath');

export async function signInEmployee(context: BrowserContext, employeeId: string): Promise<void> {
  const store = createStore({ databaseUrl: `sqlite:${databasePath}` });
  try {
    const employee = await store.db
      .selectFrom('employees')
      .selectAll()
      .where('id', '=', Number(employeeId))
      .executeTakeFirstOrThrow();
    const session = await createSession(store.db, employee.memberId, userOfEmployee(employee));
    await context.addCookies([
      { name: SESSION_COOKIE, value: session.token, url: baseUrl, httpOnly: true },
    ]);
  } finally {
    await store.close();
  }
}

/** A portal user's phone: touch, Russian, signed in, with one page open. */
export interface SignedInPhone {
  context: BrowserContext;
  page: Page;
}

export async function openPhoneAs(
  browser: Browser,
  employeeId: string,
  viewport: { width: number; height: number } = PHONE,
): Promise<SignedInPhone> {
  const context = await browser.newContext({
    viewport,
    locale: 'ru-RU',
    hasTouch: true,
    isMobile: true,
  });
  await signInEmployee(context, employeeId);
  return { context, page: await context.newPage() };
}
