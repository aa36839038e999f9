import { describe, expect, it } from 'vitest';
import { docx, grid, paragraph, readLayout, readSample } from './testing-layouts';

describe('自评报告 / 评价报告 read by the general reader', () => {
  it('S04 岳阳: the cover block and the 基本概况 table (unit, code, year, staffing, 职能), nothing more', () => {
    const doc = readSample('04_hunan-yueyang_dept-selfeval-report_2018.txt');
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.source?.layout).toBe('layout/text/self-evaluation-report');
    expect(doc.department).toBe('岳阳市城市管理监督指挥中心');
    expect(doc.units).toEqual([{ name: '岳阳市城市管理监督指挥中心', code: '906017', statedAmount: null, projects: [] }]);
    expect(doc.year).toBe(2018);
    expect(doc.profile?.staffing).toEqual({ authorized: 21, actual: 21 });
    expect(doc.profile?.functions).toMatch(/^负责全市数字化城市管理监督、指挥、调度和协调工作。/);
    expect(doc.profile?.functions).toMatch(/业务指导。$/);
    // The 评分表 and the later sections are not in the copy: no score, no grade, no budget, no sections.
    expect(doc.statedScore).toBeNull();
    expect(doc.statedGrade).toBeNull();
    expect(doc.budget).toBeUndefined();
    expect(doc.issuesText).toBeNull();
    expect(doc.improvementsText).toBeNull();
    expect(doc.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['score-missing', 'issues-missing', 'improvements-missing']));
  });

  it('S05 红河: a project report; the budget sentence gives 年初批复 985 and 调整后 861.46 万元, 到位 is not 支出', () => {
    const doc = readSample('05_yunnan-honghe_project-selfeval-report_2024.txt');
    expect(doc.kind).toBe('project-self-evaluation');
    expect(doc.department).toBe('红河州数据发展中心');
    expect(doc.year).toBe(2024);
    expect(doc.amountUnit).toBe('万元');
    expect(doc.budget).toEqual({ initial: 985, adjustment: null, adjusted: 861.46, spent: null, bySource: [] });
    expect(doc.profile?.statedFigures).toEqual({ 实际到位资金: 334.67 });
    expect(doc.statedScore).toBeNull();
    expect(doc.units).toEqual([]);
  });

  it('S12 横县: the unit from 项目单位 (not 主管部门), the year from the notice, 职能 from its heading; words in a sentence are no section', () => {
    const doc = readSample('12_guangxi-hengxian_dept-selfeval-report_2017.txt');
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.department).toBe('横县机构编制委员会办公室');
    expect(doc.year).toBe(2017);
    expect(doc.profile?.functions).toMatch(/^横县机构编制委员会办公室,下设二层机构事业单位管理登记局。\n1、编办的主要职责是/);
    // `…取得的成绩、存在的问题及改进措施,` is a sentence of the introduction, not the sections.
    expect(doc.issuesText).toBeNull();
    expect(doc.improvementsText).toBeNull();
    expect(doc.statedScore).toBeNull();
    expect(doc.budget).toBeUndefined();
    expect(doc.profile?.staffing).toBeUndefined();
  });

  it('S13 南县: 综合评分为97分 → stated score, no grade word, 现有编制人员205人, 单位职责', () => {
    const doc = readSample('13_hunan-nanxian_dept-selfeval-report_2020.txt');
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.department).toBe('南县财政局');
    expect(doc.year).toBe(2020);
    expect(doc.statedScore).toBe(97);
    expect(doc.statedGrade).toBeNull();
    // 局机关在职113人 is one part of the staff, not the unit's 实有人数.
    expect(doc.profile?.staffing).toEqual({ authorized: 205, actual: null });
    expect(doc.profile?.functions).toMatch(/^1\.组织贯彻执行国家财税方针、政策/);
    expect(doc.budget).toBeUndefined();
  });

  it('a report as a .docx gives it: cover table, score and grade, budget sentence, 问题 and 措施 sections', () => {
    const doc = readLayout(
      docx(
        paragraph('某某市某某局2022年度部门整体支出绩效自评报告'),
        grid([
          [['部门(单位)名称', 0], ['某某市某某局', 1]],
          [['预算编码', 0], ['123001', 1]],
          [['人员编制', 0], ['30', 1], ['实有人数', 2], ['28', 3]],
          [['职能职责概述', 0], ['负责全市某某工作。', 1, 1, 3]],
        ]),
        paragraph('一、基本情况'),
        paragraph('2022年年初预算1,200.00万元，调整后预算1,350.50万元，全年实际支出1,300.25万元。'),
        paragraph('二、自评结论'),
        paragraph('经评价，本部门自评得分为88.5分，评价等级为“良”。'),
        paragraph('三、存在的问题'),
        paragraph('（一）预算编制不够精准。'),
        paragraph('（二）绩效目标不够细化。'),
        paragraph('四、改进措施'),
        paragraph('（一）加强预算编制。'),
        paragraph('五、其他需要说明的问题'),
        paragraph('无。'),
      ),
      'report.docx',
    );
    expect(doc.kind).toBe('department-self-evaluation');
    expect(doc.source?.layout).toBe('layout/docx/self-evaluation-report');
    expect(doc.department).toBe('某某市某某局');
    expect(doc.units[0]?.code).toBe('123001');
    expect(doc.year).toBe(2022);
    expect(doc.statedScore).toBe(88.5);
    expect(doc.statedGrade).toBe('良');
    expect(doc.budget).toEqual({ initial: 1200, adjustment: null, adjusted: 1350.5, spent: 1300.25, bySource: [] });
    expect(doc.profile?.staffing).toEqual({ authorized: 30, actual: 28 });
    expect(doc.profile?.functions).toBe('负责全市某某工作。');
    expect(doc.issuesText).toBe('（一）预算编制不够精准。\n（二）绩效目标不够细化。');
    expect(doc.improvementsText).toBe('（一）加强预算编制。');
    expect(doc.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('a cover with nothing read beyond the title is refused as nothing-read, not returned empty', async () => {
    const { readRecognisedLayout } = await import('./read-recognised');
    const r = readRecognisedLayout(docx(paragraph('部门整体支出绩效自评报告'), paragraph('（此页无正文）')), 'empty.docx');
    expect(r).toMatchObject({ ok: false, error: { code: 'nothing-read' } });
  });
});
