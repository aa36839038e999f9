import { describe, expect, it } from 'vitest';
import { docx, grid, paragraph, readLayout, readSample } from './testing-layouts';

describe('部门整体支出绩效目标申报表 read by the general reader', () => {
  it('S08 广水 (PDF text): 部门名称, the one clean figure, 职能; broken numbers reported with their place, never repaired', () => {
    const doc = readSample('08_hubei-guangshui_dept-targets_2021.txt');
    expect(doc.kind).toBe('department-targets');
    expect(doc.source?.layout).toBe('layout/text/department-targets');
    expect(doc.department).toBe('广水市人民政府办公室');
    // Only 填报日期 2021年1月28日 is printed: the budget year is not guessed from it.
    expect(doc.year).toBeNull();
    expect(doc.problems.find((p) => p.code === 'year-missing')?.message).toContain('2021年1月28日');
    expect(doc.profile?.projectExpenditure).toBe(243.96);
    expect(doc.profile?.budgetTotal).toBeUndefined();
    expect(doc.profile?.basicExpenditure).toBeUndefined();
    expect(doc.profile?.statedFigures).toBeUndefined();
    const unreadable = doc.problems.filter((p) => p.code === 'figure-unreadable');
    expect(unreadable.map((p) => p.location.field)).toEqual(['收入合计', '支出合计']);
    expect(unreadable[0]?.message).toContain('968.191 8');
    expect(unreadable[0]?.location).toMatchObject({ file: '08_hubei-guangshui_dept-targets_2021.txt', line: 2 });
    expect(doc.problems.find((p) => p.code === 'figure-implausible')).toMatchObject({ severity: 'warning', location: { field: '基本支出', line: 2 } });
    // Nothing made up: no repaired figure anywhere in what was read.
    const read = JSON.stringify({ ...doc, problems: [] });
    for (const invented of ['968.1918', '724.2318', '7242318', '968.19']) expect(read).not.toContain(invented);
    const functions = doc.profile?.functions ?? '';
    expect(functions).toMatch(/^\(一\)负责全市人民防空工作。\n\(二\)/);
    expect(functions).toContain('为市政府决策提供参谋服务。');
    expect(functions).toContain('及时向市政府领导报告,提出建议。');
    expect(functions).toMatch(/\(十二\)统筹安排市政府领导同志的公务活动。负责市政府重大活动的组织$/);
    expect(functions).not.toContain('部门职能概述');
    expect(functions).not.toContain('—');
    expect(doc.keyTasks).toBeUndefined();
    expect(doc.indicators).toBeUndefined();
    expect(doc.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['tasks-missing', 'indicators-missing']));
  });

  it('a target table as a .docx gives it: 资金情况, 年度主要任务, 年度总体目标 and the 年度绩效指标 grid', () => {
    const doc = readLayout(
      docx(
        paragraph('2022年度部门整体支出绩效目标申报表'),
        grid([
          [['部门(单位)名称', 0], ['某某市某某局', 1, 1, 5]],
          [['部门总体资金情况', 0, 6], ['收入构成', 1, 3], ['财政拨款', 2], ['900.00', 3], ['90%', 4]],
          [['其他资金', 2], ['100.00', 3], ['10%', 4]],
          [['合计', 2], ['1,000.00', 3], ['100%', 4]],
          [['支出构成', 1, 3], ['基本支出', 2], ['700.00', 3], ['70%', 4]],
          [['项目支出', 2], ['300.00', 3], ['30%', 4]],
          [['合计', 2], ['1,000.00', 3], ['100%', 4]],
          [['部门职能概述', 0], ['负责全市某某工作。', 1, 1, 5]],
          [['年度主要任务', 0, 5], ['任务名称', 1], ['主要内容', 2], ['预算申请(万元)', 3, 1, 3]],
          [['总额', 3], ['财政拨款', 4], ['其他资金', 5]],
          [['任务一', 1], ['完成某某培训', 2], ['100.00', 3], ['80.00', 4], ['20.00', 5]],
          [['任务二', 1], ['建设某某平台', 2], ['50', 3], ['50', 4], ['', 5]],
          [['金额合计', 1, 1, 2], ['150', 3], ['130', 4], ['20', 5]],
          [['年度总体目标', 0], ['目标1：培训500人次。', 1, 1, 5]],
          [['年度绩效指标', 0, 3], ['一级指标', 1], ['二级指标', 2], ['三级指标', 3], ['指标值', 4, 1, 2]],
          [['产出指标', 1], ['数量指标', 2], ['培训人次', 3], ['≥500人次', 4, 1, 2]],
          [['效益指标', 1], ['社会效益指标', 2], ['群众知晓率', 3], ['≥90%', 4, 1, 2]],
        ]),
      ),
      'dept-targets.docx',
    );
    expect(doc.kind).toBe('department-targets');
    expect(doc.source?.layout).toBe('layout/docx/department-targets');
    expect(doc.department).toBe('某某市某某局');
    expect(doc.year).toBe(2022);
    expect(doc.profile).toMatchObject({ budgetTotal: 1000, basicExpenditure: 700, projectExpenditure: 300, functions: '负责全市某某工作。', overallGoal: '目标1：培训500人次。' });
    expect(doc.profile?.statedFigures).toEqual({ 财政拨款: 900, 其他资金: 100, 收入合计: 1000, 支出合计: 1000 });
    expect(doc.keyTasks).toEqual([
      { name: '任务一', content: '完成某某培训', funds: 100, expected: null, projects: [] },
      { name: '任务二', content: '建设某某平台', funds: 50, expected: null, projects: [] },
    ]);
    expect(doc.indicators?.map((i) => [i.no, i.level1, i.level2, i.name, i.annualTarget?.op, i.annualTarget?.value])).toEqual([
      [1, '产出指标', '数量指标', '培训人次', '>=', 500],
      [2, '效益指标', '社会效益指标', '群众知晓率', '>=', 90],
    ]);
    expect(doc.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('a share that does not match the amount is reported and the amount not kept', () => {
    const doc = readLayout(
      docx(
        paragraph('部门整体支出绩效目标申报表'),
        grid([
          [['部门名称', 0], ['某某局', 1]],
          [['支出构成', 0, 3], ['基本支出', 1], ['700.00', 2], ['30%', 3]],
          [['项目支出', 1], ['300.00', 2], ['30%', 3]],
          [['合计', 1], ['1000.00', 2], ['100%', 3]],
        ]),
      ),
      'share.docx',
    );
    expect(doc.profile?.basicExpenditure).toBeUndefined();
    expect(doc.profile?.projectExpenditure).toBe(300);
    expect(doc.profile?.budgetTotal).toBe(1000);
    expect(doc.problems.find((p) => p.code === 'figure-share-mismatch')?.location).toMatchObject({ table: 1, row: 2, field: '基本支出' });
  });
});
