import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_SIDE } from '../../src/logic/photo-shrink.js';

describe('shrinking a phone photo', () => {
  it('brings the long side down to the limit and keeps the proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: MAX_SIDE, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: MAX_SIDE });
  });

  it('never enlarges a small picture', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(0, 0)).toEqual({ width: 1, height: 1 });
  });
});
