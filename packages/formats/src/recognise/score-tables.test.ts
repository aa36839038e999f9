import { listProjects } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { docx, grid, paragraph, readLayout, readSample } from './testing-layouts';

describe('绩效评价得分表 read by the general reader', () => {
  it('S15 达州 (blank): both sheets read, every score null, the form said to be blank', () => {
    const doc = readSample('15_sichuan-dazhou_scoretables-blank_undated.txt');
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.source?.layout).toBe('layout/text/score-tables');
    const dept = doc.indicators ?? [];
    expect(dept).toHaveLength(28);
    expect(dept[0]).toMatchObject({ no: 1, level1: '部门决策', level2: '目标任务', name: '相关性', weight: 5, score: null });
    expect(dept[3]).toMatchObject({ level1: '部门决策', level2: '预算编制', name: '测算依据', weight: 5 });
    expect(dept[5]).toMatchObject({ level1: '综合管理', level2: '专项资金分配时限', name: '市级财力专项预算分配时限', weight: 1 });
    // The department-specific rows are left for the department: the line has no points.
    expect(dept.find((i) => i.name === '部门特性指标')).toMatchObject({ level1: '部门绩效情况', level2: '履职成效', weight: null, score: null });
    expect(dept[27]).toMatchObject({ level1: '部门绩效情况', level2: '满意度', name: '社会公众满意度', weight: 4 });
    expect(dept.every((i) => i.score === null)).toBe(true);
    // The project sheet: its first-level names were lost in extraction (only the points remain) — left null.
    const projects = listProjects(doc).map((x) => x.project);
    expect(projects).toHaveLength(1);
    const lines = projects[0]!.indicators;
    expect(lines.map((i) => i.name)).toEqual(['必要性', '可行性', '明确性', '合理性', '资金分配', '资金使用', '执行规范', '完成数量', '完成质量', '完成时效', '完成成本', '经济效益(可选项)']);
    expect(lines[0]).toMatchObject({ level1: null, level2: null, weight: 5, score: null });
    expect(lines[7]).toMatchObject({ level1: '特性指标', name: '完成数量', weight: 5 });
    expect(lines[11]).toMatchObject({ weight: 40, score: null });
    expect(doc.statedScore).toBeNull();
    expect(doc.year).toBeNull();
    const codes = doc.problems.map((p) => p.code);
    expect(codes.filter((c) => c === 'score-table-blank')).toHaveLength(2);
    expect(codes).toEqual(expect.arrayContaining(['document-incomplete', 'project-name-missing', 'year-missing', 'score-levels-missing']));
    expect(doc.problems.find((p) => p.code === 'document-incomplete')?.message).toContain('「社会」');
  });

  it('S16 (filled, PDF text): the 2017 部门整体 sheet line by line with its scores, 自评得分90分, 问题 and 措施 from the prose', () => {
    const doc = readSample('16_unknown-sichuan-scheme_dept-selfeval-scores_2017.txt');
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.year).toBe(2017);
    expect(doc.statedScore).toBe(90);
    expect(doc.statedGrade).toBeNull();
    expect((doc.indicators ?? []).map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['部门决策', '目标任务', '相关性', 5, 5],
      ['部门决策', '目标任务', '明确性', 5, 5],
      ['部门决策', '目标任务', '合理性', 5, 5],
      ['部门决策', '预算编制', '测算依据', 5, 2],
      ['部门决策', '预算编制', '目标管理', 5, 4],
      ['综合管理', '专项资金分配时限', '省级财力专项预算分配时限', 1, 1],
    ]);
    expect(doc.issuesText).toBe('一是年初编制项目资金预算时对对象摸底不够准确,造成预算资金过大.二是专项资金申报不够及时.');
    // The page number `15` the extraction put inside the sentence is not part of it.
    expect(doc.improvementsText).toBe('一是年初编制预算时应对项目实施对象准确摸底,确保预算安排的准确性.二是按要求开展专项工作,按进度申报资金计划,及时拨付资金.');
    // The project sheet's tail at the top has no header: reported, not guessed at.
    expect(listProjects(doc)).toEqual([]);
    const codes = doc.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['score-table-fragment', 'document-incomplete']));
    expect(codes).not.toContain('score-table-blank');
  });

  it('a project sheet as a .docx gives it (merged level cells, 分值 and 得分 columns, 总分 row)', () => {
    const doc = readLayout(
      docx(
        paragraph('2022年项目支出绩效评价得分表'),
        grid([
          [['项目名称', 0], ['某某专项', 1, 1, 4]],
          [['一级指标', 0], ['二级指标', 1], ['三级指标', 2], ['分值', 3], ['得分', 4]],
          [['项目决策(20分)', 0, 2], ['科学决策(10分)', 1, 2], ['必要性', 2], ['5', 3], ['5', 4]],
          [['可行性', 2], ['5', 3], ['4', 4]],
          [['项目管理(10分)', 0], ['资金管理(10分)', 1], ['资金使用', 2], ['10', 3], ['', 4]],
          [['总分', 0, 1, 3], ['20', 3], ['9', 4]],
        ]),
      ),
      'scores.docx',
    );
    expect(doc.source?.layout).toBe('layout/docx/score-tables');
    expect(doc.kind).toBe('project-self-evaluation');
    expect(doc.year).toBe(2022);
    const [p] = listProjects(doc).map((x) => x.project);
    expect(p?.name).toBe('某某专项');
    expect(p?.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['项目决策', '科学决策', '必要性', 5, 5],
      ['项目决策', '科学决策', '可行性', 5, 4],
      ['项目管理', '资金管理', '资金使用', 10, null],
    ]);
    expect(p?.statedScore).toBe(9);
    expect(doc.statedScore).toBe(9);
    expect(doc.problems.map((x) => x.code)).not.toContain('score-table-blank');
  });

  it('a 部门整体 sheet as a .docx gives it: points in the labels, 得分 only', () => {
    const doc = readLayout(
      docx(
        paragraph('某某局2021年部门整体支出绩效评价得分表'),
        grid([
          [['一级指标', 0], ['二级指标', 1], ['三级指标', 2], ['得分', 3]],
          [['部门决策(25分)', 0, 3], ['目标任务(15分)', 1, 2], ['相关性(5分)', 2], ['4', 3]],
          [['明确性(10分)', 2], ['', 3]],
          [['预算编制(10分)', 1], ['测算依据(10分)', 2], ['9.5', 3]],
        ]),
      ),
      'dept-scores.docx',
    );
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.year).toBe(2021);
    expect((doc.indicators ?? []).map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['部门决策', '目标任务', '相关性', 5, 4],
      ['部门决策', '目标任务', '明确性', 10, null],
      ['部门决策', '预算编制', '测算依据', 10, 9.5],
    ]);
  });

  it('a 自评报告 with its 评分表 attached: the sheet is read by the score-sheet reader, the cover and sections by the report reader', () => {
    const doc = readLayout(
      docx(
        paragraph('某某局2021年度部门整体支出绩效自评报告'),
        grid([
          [['部门(单位)名称', 0], ['某某局', 1]],
          [['人员编制', 0], ['12', 1], ['实有人数', 2], ['11', 3]],
        ]),
        paragraph('一、自评得分情况'),
        paragraph('经自评，综合评分为93分。'),
        paragraph('二、存在的问题'),
        paragraph('（一）绩效目标不够细化。'),
        paragraph('三、改进措施'),
        paragraph('（一）细化绩效目标。'),
        paragraph('附：部门整体支出绩效评价得分表'),
        grid([
          [['单位名称', 0], ['某某局', 1, 1, 3]],
          [['一级指标', 0], ['二级指标', 1], ['三级指标', 2], ['得分', 3]],
          [['部门决策(25分)', 0], ['目标任务(15分)', 1], ['相关性(5分)', 2], ['5', 3]],
        ]),
      ),
      'report-with-sheet.docx',
    );
    expect(doc.source?.layout).toBe('layout/docx/score-tables');
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.department).toBe('某某局');
    expect(doc.year).toBe(2021);
    expect(doc.statedScore).toBe(93);
    expect(doc.profile?.staffing).toEqual({ authorized: 12, actual: 11 });
    expect(doc.issuesText).toBe('（一）绩效目标不够细化。');
    expect(doc.improvementsText).toBe('（一）细化绩效目标。');
    expect(doc.indicators?.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([['部门决策', '目标任务', '相关性', 5, 5]]);
    // `单位名称` names the unit; it does not make the sheet a project's.
    expect(listProjects(doc)).toEqual([]);
    expect(doc.problems.map((p) => p.code)).not.toEqual(expect.arrayContaining(['year-missing']));
    expect(doc.problems.map((p) => p.code)).not.toContain('score-missing');
  });
});
