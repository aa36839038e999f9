import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, fromFen, percentOf, roundHalfUp, sumAmounts, toFen } from './amount';

describe('amounts in fen', () => {
  it('converts 万元 and 元 exactly', () => {
    expect(toFen(3986.34, '万元')).toBe(3_986_340_000n);
    expect(toFen(0.01, '元')).toBe(1n);
    expect(fromFen(3_986_340_000n, '万元')).toBe(3986.34);
  });

  it('sums without floating-point error', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts([0.1, 0.2], '万元')).toBe(0.3);
    // seed 000: 3,209.10 基本 + 3,282.53 项目 = 6,491.63
    expect(sumAmounts([3209.1, 3282.53], '万元')).toBe(6491.63);
    // seed 004: task funds
    expect(sumAmounts([446, 233, 2286, 1241, 281], '万元')).toBe(4487);
    expect(sumAmounts([null, null], '万元')).toBeNull();
  });

  it('computes the rates of seed 004 and seed 001 (R6)', () => {
    expect(percentOf(4487.07, 4062.1 + 1026.38, '万元')).toBe(88.18);
    expect(percentOf(1026.38, 4062.1, '万元')).toBe(25.27);
    expect(percentOf(3685.76, 4062.1 + 210.97, '万元')).toBe(86.26);
    expect(percentOf(801.31, 0 + 815.41, '万元')).toBe(98.27);
    expect(percentOf(9016.65, 8988.68, '万元')).toBe(100.31);
    expect(percentOf(17626.37, 18009.98, '万元')).toBe(97.87);
    expect(percentOf(1, 0, '万元')).toBeNull();
  });

  it('rounds half-up at the printed precision', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(9.444444, 2)).toBe(9.44);
    expect(roundHalfUp(89.995, 2)).toBe(90);
    expect(formatAmount(3986.34)).toBe('3,986.34');
    expect(formatAmount(60.8)).toBe('60.80');
    expect(formatAmount(null)).toBe('—');
  });

  it('a sum in fen equals the sum of the parts in fen', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 50 }), (xs) => {
        const expected = xs.reduce((acc, x) => acc + BigInt(Math.round(x * 100)), 0n);
        const got = sumAmounts(xs, '元');
        expect(got === null ? 0n : toFen(got, '元')).toBe(expected);
      }),
    );
  });
});

describe('roundHalfUp against integer arithmetic', () => {
  it('rounds values printed with up to six decimals exactly as a person would', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), fc.integer({ min: 1, max: 4 }), (n, extra) => {
        // n / 10^(2+extra): a decimal with 2 + extra places; expected: half away from zero at 2 places.
        const scale = 10 ** extra;
        const value = n / (100 * scale);
        const abs = Math.abs(n);
        const cents = Math.floor((abs + scale / 2) / scale);
        const expected = (n < 0 ? -cents : cents) / 100;
        expect(roundHalfUp(value, 2)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});
