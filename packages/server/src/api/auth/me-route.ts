import type { ApiApp, ApiContext } from '../api-context.js';
import { ErrorSchema } from '../schemas/common-schemas.js';
import { MeSchema } from './me-schema.js';

const schema = {
  tags: ['auth'],
  summary: 'Who is signed in',
  response: { 200: MeSchema, 401: ErrorSchema },
};

export function meRoute(app: ApiApp, context: ApiContext): void {
  app.get('/api/auth/me', { schema, config: { access: 'user' } }, async (request) => {
    const user = request.user!;
    return {
      user: { id: user.id, name: user.name, role: user.role, brigadeId: user.brigadeId },
      demo: context.portal()?.demo ?? false,
    };
  });
}
