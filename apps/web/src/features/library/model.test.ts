import { describe, expect, it } from 'vitest';
import { spreadText } from './model';

const entry = { valued: 4, min: '80', p25: '90', median: '95', p75: '100', max: '100', unit: '%' };

describe('spreadText', () => {
  it('the median with its quartiles and range, one value alone, nothing without numeric targets', () => {
    expect(spreadText(entry)).toBe('中位数 95%（四分位 90–100，最小 80，最大 100）');
    expect(spreadText({ ...entry, min: '12', p25: '12', median: '12', p75: '12', max: '12', unit: '次' })).toBe('12次');
    expect(spreadText({ ...entry, valued: 0, min: null, p25: null, median: null, p75: null, max: null })).toBe('—');
  });
});
