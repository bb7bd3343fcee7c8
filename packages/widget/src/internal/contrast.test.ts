import { expect } from '../testing/expect.js';
import { describe, it } from '../testing/suite.js';
import { contrastRatio, parseComputedColor, readableOn } from './contrast.js';

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(21, 5);
    // #767676 on white is the classic 4.54:1
    expect(contrastRatio({ r: 0x76, g: 0x76, b: 0x76 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(
      4.54,
      2,
    );
  });

  it('picks black text on a light accent and white on a dark one', () => {
    expect(readableOn({ r: 255, g: 235, b: 59 }).color).toEqual({ r: 0, g: 0, b: 0 });
    expect(readableOn({ r: 11, g: 87, b: 208 }).color).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('reads computed colours', () => {
    expect(parseComputedColor('rgb(11, 87, 208)')).toEqual({ r: 11, g: 87, b: 208 });
    expect(parseComputedColor('rgba(1, 2, 3, 0.5)')).toEqual({ r: 1, g: 2, b: 3 });
    expect(parseComputedColor('color(srgb 1 0 0)')).toBeUndefined();
  });
});
