import { describe, expect, it } from 'vitest';
import {
  assignBrigadeColors,
  BRIGADE_PALETTE,
  brigadeColor,
  NO_BRIGADE_COLOR,
} from '../../src/logic/colors.js';

describe('brigade colours', () => {
  it('gives every brigade its own colour while the palette lasts', () => {
    const colors = assignBrigadeColors(['3', '1', '2', '10', '9', '4']);
    expect(new Set(colors.values()).size).toBe(6);
  });

  it('is stable whatever order the brigades arrive in, numeric ids sorted as numbers', () => {
    const one = assignBrigadeColors(['10', '9', '2']);
    const two = assignBrigadeColors(['2', '10', '9']);

    expect([...one.entries()]).toEqual([...two.entries()]);
    expect(one.get('2')).toBe(BRIGADE_PALETTE[0]);
    expect(one.get('10')).toBe(BRIGADE_PALETTE[2]);
  });

  it('greys out houses without a brigade or with an unknown one', () => {
    const colors = assignBrigadeColors(['1']);
    expect(brigadeColor(colors, null)).toBe(NO_BRIGADE_COLOR);
    expect(brigadeColor(colors, '99')).toBe(NO_BRIGADE_COLOR);
  });

  it('wraps around the palette for many brigades', () => {
    const ids = Array.from({ length: BRIGADE_PALETTE.length + 1 }, (_, index) => String(index + 1));
    const colors = assignBrigadeColors(ids);
    expect(colors.get(String(BRIGADE_PALETTE.length + 1))).toBe(BRIGADE_PALETTE[0]);
  });
});
