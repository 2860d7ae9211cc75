import { describe, expect, it } from 'vitest';
import { buildDemoPortal } from '../../src/demo/index.js';
import { DEMO_NOW } from './demo-fixture.js';
import { codeByLabel, houseDeals } from './demo-portal-reader.js';

/**
 * The benchmark portal. The goal is a build under 5 s, which `npm run bench:emulator`
 * measures and prints; the bound here only catches a build gone quadratic, because test
 * runners share the machine (2 cores, several suites) and time is noisy.
 */
describe('demo portal at 100 000 houses', () => {
  it('builds quickly, in proportion, and shares repeated values', { timeout: 180_000 }, () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const snapshot = buildDemoPortal({ houses: 100_000, seed: 1, now: DEMO_NOW });
    const seconds = (performance.now() - started) / 1000;
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

    console.info(
      `demo portal, 100 000 houses: ${seconds.toFixed(1)} s, heap +${heapGrowthMb.toFixed(0)} MB`,
    );
    expect(seconds).toBeLessThan(60);
    expect(heapGrowthMb).toBeLessThan(500);

    const houses = houseDeals(snapshot);
    expect(houses).toHaveLength(100_000);
    const apartments = codeByLabel(snapshot, 'Количество квартир | Уборка подъездов');
    const total = houses.reduce((sum, house) => sum + Number(house[apartments]), 0);
    expect(total / 100_000).toBeGreaterThan(55);
    expect(total / 100_000).toBeLessThan(67);

    const companies = new Set(houses.map((house) => house.COMPANY_ID));
    expect(companies.size).toBeGreaterThan(5_000);
    expect(snapshot.users.filter((user) => user.ACTIVE)).toHaveLength(92);

    const addressCode = codeByLabel(snapshot, 'Адрес многоквартирного дома | Уборка подъездов');
    const addresses = houses.map((house) => house[addressCode]).filter((value) => value !== '');
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('shares one frozen array between houses with the same dates', () => {
    const snapshot = buildDemoPortal({ houses: 2_000, seed: 2, now: DEMO_NOW });
    const code = codeByLabel(snapshot, 'Дата уборки 1 | Сентябрь 2025');
    const lists = houseDeals(snapshot)
      .map((house) => house[code])
      .filter((value): value is string[] => Array.isArray(value) && value.length > 0);

    expect(new Set(lists).size).toBeLessThan(lists.length / 10);
    expect(Object.isFrozen(lists[0])).toBe(true);
  });
});
