import type { ApiApp, ApiContext, RouteRegistrar } from './api-context.js';
import { demoSignInRoute } from './auth/demo-sign-in-route.js';
import { logoutRoute } from './auth/logout-route.js';
import { meRoute } from './auth/me-route.js';
import { housesListRoute } from './cleaning/houses-list-route.js';

/** Every API route, by area. A route not listed here does not exist. */
const routes: RouteRegistrar[] = [meRoute, logoutRoute, demoSignInRoute, housesListRoute];

export function registerApiRoutes(app: ApiApp, context: ApiContext): void {
  for (const register of routes) register(app, context);
}
