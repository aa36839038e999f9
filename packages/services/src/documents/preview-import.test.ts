/** The preview's places in words (issue 10 item 7): what a person reads instead of the reader's location fields. */
import { describe, expect, it } from 'vitest';
import { locationInWords } from './preview-import';

describe('locationInWords', () => {
  it('puts a PDF place, a sheet place and a text line in words', () => {
    expect(locationInWords({ page: 2, table: 1, row: 5, column: '指标值' })).toBe('第 2 页、第 1 个表格、第 5 行、列「指标值」');
    expect(locationInWords({ sheet: '项目', row: 7, column: 'C' })).toBe('工作表「项目」第 7 行、C 列');
    expect(locationInWords({ line: 12, project: '社区居民活动费', indicator: 4 })).toBe('第 12 行、项目「社区居民活动费」、第 4 条指标');
    expect(locationInWords({})).toBeNull();
  });

  it('never shows a property name: known ones in Chinese, unknown ones left out, printed labels as they are', () => {
    expect(locationInWords({ field: 'amountUnit' })).toBe('「金额单位」');
    expect(locationInWords({ field: 'annualTarget', project: '办公场地租赁费' })).toBe('项目「办公场地租赁费」、「年度指标值」');
    expect(locationInWords({ field: 'someNewProperty' })).toBeNull();
    expect(locationInWords({ field: '合计' })).toBe('「合计」');
  });
});
