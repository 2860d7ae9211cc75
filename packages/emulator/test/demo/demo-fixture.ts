import { buildDemoPortal } from '../../src/demo/index.js';
import type { PortalSnapshot } from '../../src/snapshot/snapshot-format.js';

/** A fixed "today" in the middle of a month, so month arithmetic is not at an edge. */
export const DEMO_NOW = new Date('2025-09-16T09:30:00Z');
export const DEMO_MONTH = '2025-09';

let reference: PortalSnapshot | undefined;

/** The reference portal (490 houses, seed 1), built once per test file. */
export function referencePortal(): PortalSnapshot {
  reference ??= buildDemoPortal({ houses: 490, seed: 1, now: DEMO_NOW });
  return reference;
}
