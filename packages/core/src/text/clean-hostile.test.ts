import { describe, expect, it } from 'vitest';
import { parseTarget } from '../target/parse-target';
import { cleanCell, parseLooseNumber, trimPunctuation } from './clean';

/**
 * Long hostile runs (300 K of spaces, digits, dots): each of these used to be quadratic (a `[…]+$` or `\s*\n\s*`
 * retried from every position of the run, a `/x$/` test on a growing string), taking seconds to minutes.
 */
const N = 300_000;

describe('text cleaning stays linear on long runs', () => {
  it('cleanCell on a long run of spaces, and on many short lines', () => {
    expect(cleanCell(`a${' '.repeat(N)}x`)).toBe('a x');
    expect(cleanCell(`${'0\n'.repeat(N)}`)).toBe('0'.repeat(N));
    expect(cleanCell(`${'ab\n'.repeat(N / 2)}`)?.length).toBe((N / 2) * 3 - 1);
    expect(cleanCell(`甲 \n \n  乙`)).toBe('甲乙');
  });

  it('trimPunctuation on a run of spaces and commas inside the text', () => {
    expect(trimPunctuation(`。${' ，'.repeat(N)}x${' '.repeat(N)}y；`)).toBe(`x${' '.repeat(N)}y`);
    expect(trimPunctuation(' ，。 ')).toBe('');
  });

  it('parseTarget on a run of dots and of digits', () => {
    expect(parseTarget(`≥${'.'.repeat(N)}1`)?.kind).toBe('unparseable');
    expect(parseTarget(`90%${'.'.repeat(N)}`)).toMatchObject({ kind: 'quantitative', value: 90, unit: '%' });
    expect(parseTarget(`${'1'.repeat(N)}x`)?.kind).toBe('unparseable');
    expect(parseLooseNumber(`${'1'.repeat(N)}x`)).toBeNull();
  });
});
