import { findPortalAdmin, userOfEmployee } from '../../auth/employee-user.js';
import { setSessionCookie } from '../../auth/session-cookie.js';
import { createSession } from '../../auth/session-store.js';
import { apiError } from '../../http/api-error.js';
import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema } from '../schemas/common-schemas.js';
import { MeSchema } from './me-schema.js';

const schema = {
  tags: ['auth'],
  summary: 'Demo mode only: sign in as the demo portal’s admin in one click',
  response: { 200: MeSchema, 403: ErrorSchema, 503: ErrorSchema },
};

export function demoSignInRoute(app: ApiApp, context: ApiContext): void {
  app.post('/api/auth/demo', { schema, config: { access: 'public' } }, async (request, reply) => {
    if (!context.portal()?.demo) throw apiError('demo_disabled');

    const memberId = context.memberId();
    const admin = await findPortalAdmin(context.db, memberId);
    if (!admin) throw apiError('sync_pending');

    const user = userOfEmployee(admin);
    const session = await createSession(context.db, memberId, user);
    setSessionCookie(request, reply, session, context.config);

    request.log.info({ category: 'auth', userId: user.id }, 'demo sign-in');
    return { user, demo: true };
  });
}
