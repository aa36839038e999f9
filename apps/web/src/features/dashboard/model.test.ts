import { describe, expect, it } from 'vitest';
import { changeText, chartHeight, executionOption, rowHref } from './model';

const row = { departmentId: 2, projectId: null, documentId: 7, evaluationId: 9 };

describe('数据看板 model', () => {
  it('drills into a department from the district, then leads to the project, report or review', () => {
    expect(rowHref('execution', row, false)).toBe('/dashboard?departmentId=2');
    expect(rowHref('execution', { ...row, projectId: 5 }, true)).toBe('/projects/5');
    expect(rowHref('lights', row, true)).toBe('/monitoring/9');
    expect(rowHref('conclusions', { ...row, evaluationId: null }, true)).toBe('/review/7');
    expect(rowHref('scores', { ...row, evaluationId: null }, true)).toBeNull();
  });

  it('says a change in points with its sign, and grows the chart with its rows', () => {
    expect(changeText(2.5)).toBe('+2.50 分');
    expect(changeText(-1)).toBe('−1.00 分');
    expect(changeText(null)).toBe('—');
    expect(chartHeight(1)).toBe(220);
    expect(chartHeight(20)).toBe(770);
  });

  it('names a department by its short name on the axis and keeps 序时进度 beside each bar', () => {
    const option = executionOption(
      [{ key: 'd-2', label: '广州市荔湾区人民政府金花街道办事处', departmentId: 2, projectId: null, documentId: null, evaluationId: null, reports: 1, budgetWan: 100, spentWan: 50, executionRate: 50, cutoffMonth: 7, timeProgress: 58.33, gap: -8.33, light: null }],
    ) as { yAxis: { data: string[] }; series: Array<{ data: unknown[] }> };
    expect(option.yAxis.data).toEqual(['金花街道办事处']);
    expect(option.series[1]!.data).toEqual([58.33]);
  });
});
