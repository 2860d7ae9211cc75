import { describe, expect, it } from 'vitest';
import { buildDemoPortal } from '../../src/demo/index.js';
import { DEMO_NOW } from './demo-fixture.js';

describe('demo portal determinism', () => {
  it('builds the same snapshot for the same seed and now', () => {
    const first = buildDemoPortal({ houses: 120, seed: 7, now: DEMO_NOW });
    const second = buildDemoPortal({ houses: 120, seed: 7, now: DEMO_NOW });

    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('builds a different portal for another seed', () => {
    const first = buildDemoPortal({ houses: 120, seed: 7, now: DEMO_NOW });
    const other = buildDemoPortal({ houses: 120, seed: 8, now: DEMO_NOW });

    expect(other.deals[0]?.TITLE).not.toBe(first.deals[0]?.TITLE);
    expect(other.webhooks[0]?.code).not.toBe(first.webhooks[0]?.code);
    expect(other.portal.memberId).not.toBe(first.portal.memberId);
  });

  it('derives the secrets from the seed alone, so tests can rely on them', () => {
    const september = buildDemoPortal({ houses: 10, seed: 3, now: DEMO_NOW });
    const december = buildDemoPortal({
      houses: 10,
      seed: 3,
      now: new Date('2026-12-01T00:00:00Z'),
    });

    expect(december.webhooks).toEqual(september.webhooks);
    expect(december.applications).toEqual(september.applications);
    expect(december.portal.memberId).toBe(september.portal.memberId);
  });

  it('uses 490 houses and seed 1 by default', () => {
    const byDefault = buildDemoPortal({ now: DEMO_NOW });
    const explicit = buildDemoPortal({ houses: 490, seed: 1, now: DEMO_NOW });

    expect(byDefault.deals.filter((deal) => deal.CATEGORY_ID === '34')).toHaveLength(490);
    expect(byDefault.webhooks[0]?.code).toBe(explicit.webhooks[0]?.code);
  });

  it('rejects a house count that is not a positive integer', () => {
    expect(() => buildDemoPortal({ houses: 0 })).toThrow(RangeError);
    expect(() => buildDemoPortal({ houses: 2.5 })).toThrow(RangeError);
  });

  it('rejects a "now" before the company\'s pipeline existed, or an invalid one', () => {
    expect(() => buildDemoPortal({ houses: 5, now: new Date('2021-06-01T00:00:00Z') })).toThrow(
      RangeError,
    );
    expect(() => buildDemoPortal({ houses: 5, now: new Date('not a date') })).toThrow(RangeError);
  });

  it('keeps the portal "now" it was built for', () => {
    expect(buildDemoPortal({ houses: 5, now: DEMO_NOW }).portal.now).toBe(DEMO_NOW.toISOString());
  });
});
