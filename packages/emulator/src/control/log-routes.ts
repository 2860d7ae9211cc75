import { type ControlRoute, ok } from './control-route.js';

/** The request log (counts per method and per batch) and the event deliveries. */
export const logRoutes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/requests',
    handle: (portal) => ok({ ...portal.requests.summary(), recent: portal.requests.recent() }),
  },
  {
    method: 'DELETE',
    path: '/requests',
    handle: (portal) => {
      portal.requests.reset();
      return ok();
    },
  },
  {
    method: 'GET',
    path: '/events',
    handle: async (portal) => {
      await portal.events.idle();
      return ok({ items: portal.events.deliveries() });
    },
  },
];
