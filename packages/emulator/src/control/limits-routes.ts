import type { FaultSettings } from '../faults/fault-settings.js';
import { planBuckets } from '../limits/leaky-bucket.js';
import type { EmulatorPortal } from '../portal/emulator-portal.js';
import { badRequest, type ControlRoute, ok } from './control-route.js';

/** Rate limit, time budget, injected faults and the clock. */
function finite(value: unknown, name: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw badRequest(`${name} must be a number >= 0`);
  return number;
}

function limitsView(portal: EmulatorPortal) {
  return {
    plan: portal.state.portal.plan,
    bucket: { ...portal.bucket.settings, level: portal.bucket.currentLevel() },
    operating: portal.budget.settings,
  };
}

function applyLimits(portal: EmulatorPortal, body: Record<string, unknown>): void {
  if (body.plan === 'standard' || body.plan === 'enterprise') {
    portal.state.portal.plan = body.plan;
    portal.bucket.settings = { ...planBuckets[body.plan] };
  }
  if (body.drainPerSecond !== undefined) {
    portal.bucket.settings.drainPerSecond = finite(body.drainPerSecond, 'drainPerSecond');
  }
  if (body.capacity !== undefined)
    portal.bucket.settings.capacity = finite(body.capacity, 'capacity');

  const budget = portal.budget.settings;
  if (body.operatingLimitSeconds !== undefined) {
    budget.limitSeconds = finite(body.operatingLimitSeconds, 'operatingLimitSeconds');
  }
  if (body.operatingWindowSeconds !== undefined) {
    budget.windowSeconds = finite(body.operatingWindowSeconds, 'operatingWindowSeconds');
  }
  if (body.processingSeconds && typeof body.processingSeconds === 'object') {
    for (const [method, seconds] of Object.entries(body.processingSeconds)) {
      budget.processingSeconds[method.toLowerCase()] = finite(
        seconds,
        `processingSeconds.${method}`,
      );
    }
  }
  if (body.defaultProcessingSeconds !== undefined) {
    budget.defaultProcessingSeconds =
      body.defaultProcessingSeconds === null
        ? null
        : finite(body.defaultProcessingSeconds, 'defaultProcessingSeconds');
  }
}

function clockView(portal: EmulatorPortal) {
  return { now: portal.clock.now().toISOString(), frozen: portal.clock.isFrozen() };
}

export const limitsRoutes: ControlRoute[] = [
  { method: 'GET', path: '/limits', handle: (portal) => ok(limitsView(portal)) },
  {
    method: 'PUT',
    path: '/limits',
    handle: (portal, body) => {
      applyLimits(portal, body);
      if (body.resetUsage === true) {
        portal.bucket.reset();
        portal.budget.reset();
      }
      return ok(limitsView(portal));
    },
  },
  { method: 'GET', path: '/faults', handle: (portal) => ok(portal.faults.current()) },
  {
    method: 'PUT',
    path: '/faults',
    handle: (portal, body) => {
      portal.faults.configure(body as FaultSettings);
      return ok(portal.faults.current());
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    handle: (portal) => {
      portal.faults.clear();
      return ok();
    },
  },
  { method: 'GET', path: '/clock', handle: (portal) => ok(clockView(portal)) },
  {
    method: 'POST',
    path: '/clock',
    handle: (portal, body) => {
      const { clock } = portal;
      if (body.freeze === true) clock.freeze();
      if (body.freeze === false) clock.unfreeze();
      if (body.set !== undefined) {
        const to = new Date(String(body.set));
        if (Number.isNaN(to.getTime())) throw badRequest('set must be an ISO date');
        clock.set(to);
      }
      if (body.advanceSeconds !== undefined) clock.advance(Number(body.advanceSeconds) * 1000);
      return ok(clockView(portal));
    },
  },
];
