import type { UserRole } from './user-role.js';

/** Who is asking: attached to every request by the authentication hook. */
export interface RequestUser {
  /** The portal user id (employee id); `admin-token` for the bootstrap token. */
  id: string;
  name: string;
  role: UserRole;
  brigadeId: string | null;
  /** How the request proved it: a session cookie, an API token, the bootstrap token. */
  via: 'session' | 'api_token' | 'admin_token';
}

declare module 'fastify' {
  interface FastifyRequest {
    user: RequestUser | null;
  }
}
