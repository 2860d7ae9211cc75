import { describe, expect, it } from 'vitest';

import { planFingerprint } from '../../src/domain/plan-fingerprint.js';
import type { PlannedCleaning } from '../../src/domain/schedule.js';

const cleaning: PlannedCleaning = {
  date: '2026-12-07',
  month: '2026-12',
  cleaningType: 'full_wet',
  typeId: 1234,
  typeText: 'Влажная уборка',
  slot: 1,
  sourceField: 'UF_CRM_1',
};

describe('planFingerprint', () => {
  it('is the same for the same plan, and short', () => {
    const plan = [cleaning, { ...cleaning, date: '2026-12-21' }];
    expect(planFingerprint(plan)).toBe(planFingerprint(structuredClone(plan)));
    expect(planFingerprint(plan)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when any field of any cleaning changes', () => {
    const base = planFingerprint([cleaning]);
    const changes: Partial<PlannedCleaning>[] = [
      { date: '2026-12-08' },
      { month: '2026-11' },
      { cleaningType: 'sweeping' },
      { typeId: 1235 },
      { typeId: 1234 + 2 ** 32 },
      { typeId: null },
      { typeText: 'Влажная уборкa' }, // a Latin «a» at the end
      { typeText: null },
      { typeText: '' },
      { slot: 2 },
      { sourceField: 'UF_CRM_2' },
    ];
    const seen = new Set([base]);
    for (const change of changes) seen.add(planFingerprint([{ ...cleaning, ...change }]));
    expect(seen.size).toBe(changes.length + 1);
  });

  it('tells fields apart where their characters could run together', () => {
    const split = (typeText: string, sourceField: string) =>
      planFingerprint([{ ...cleaning, typeText, sourceField }]);
    expect(split('ab', 'c')).not.toBe(split('a', 'bc'));
    expect(planFingerprint([])).not.toBe(planFingerprint([cleaning]));
    expect(planFingerprint([cleaning, cleaning])).not.toBe(planFingerprint([cleaning]));
  });

  it('gives the same fingerprint after more texts than it keeps were hashed', () => {
    const first = planFingerprint([cleaning]);
    for (let day = 0; day < 12_000; day += 1) {
      planFingerprint([{ ...cleaning, typeText: `Уборка ${day}` }]);
    }
    expect(planFingerprint([structuredClone(cleaning)])).toBe(first);
  });
});
