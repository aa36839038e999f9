import { describe, expect, it } from 'vitest';
import { issueInWords, pathInWords } from './issue-words';

describe('pathInWords', () => {
  it('names elements by their list and fields by their Chinese label', () => {
    expect(pathInWords(['units', 0, 'projects', 0, 'indicators', 0, 'annualTarget'])).toBe('第 1 个单位第 1 个项目第 1 个指标的年度指标值');
    expect(pathInWords(['units', 1, 'projects', 2, 'indicators', 9, 'periodTarget', 'unit'])).toBe('第 2 个单位第 3 个项目第 10 个指标的实施周期指标值的计量单位');
    expect(pathInWords(['keyTasks', 2, 'projects', 0])).toBe('第 3 个重点任务第 1 个所含项目');
    expect(pathInWords(['budget', 'bySource', 1, 'source'])).toBe('预算执行的第 2 个资金来源行的资金来源');
    expect(pathInWords(['units', 0, 'projects', 0, 'funding', 'fiscal'])).toBe('第 1 个单位第 1 个项目的资金来源的财政拨款');
  });

  it('a key that means something else under its parent, the root, and a key it does not know', () => {
    expect(pathInWords(['units', 0, 'staffing', 'actual'])).toBe('第 1 个单位的人员编制的实有人数');
    expect(pathInWords(['indicators', 0, 'actual'])).toBe('第 1 个指标的实际完成值');
    expect(pathInWords(['problems', 0, 'location', 'unit'])).toBe('第 1 个问题的位置的单位');
    expect(pathInWords([])).toBe('文档');
    expect(pathInWords(['profile', 'statedFigures', '年度主要支出计划得分'])).toBe('部门概况的填报的数字的「年度主要支出计划得分」');
  });
});

describe('issueInWords', () => {
  it('says what was expected and what is there, on one line', () => {
    expect(issueInWords({ code: 'invalid_type', path: [], expected: 'number', input: '1\n2' })).toBe('应为数字，现为文字 "1\\n2"');
    expect(issueInWords({ code: 'invalid_type', path: [], expected: 'string' })).toBe('缺少此项（应为文字）');
    expect(issueInWords({ code: 'invalid_type', path: [], expected: 'array', input: null })).toBe('应为列表 [...]，现为 null');
    expect(issueInWords({ code: 'too_small', path: [], origin: 'number', minimum: 0, inclusive: false, input: 0 })).toBe('应大于 0，现为数字 0');
    expect(issueInWords({ code: 'invalid_value', path: [], values: ['jixiao/v1'], input: 'v2' })).toBe('应为 "jixiao/v1"，现为文字 "v2"');
  });
});
