import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listProjects, runChecks, sumAmounts, type Indicator, type PerformanceDocument } from '@jixiao/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { departmentTargetReview } from './read-text';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url)), 'utf8');
const SEED_000 = '000_33f7e9c75c02529b.txt';

describe('department target review (seed 000)', () => {
  let text: string;
  let doc: PerformanceDocument;
  const indicator = (name: string): Indicator => {
    const found = doc.indicators?.find((i) => i.name === name);
    if (!found) throw new Error(`no indicator ${name}`);
    return found;
  };

  beforeAll(() => {
    text = seed(SEED_000);
    doc = departmentTargetReview.parse(text, { fileName: SEED_000 });
  });

  it('reads the header and reports no problems', () => {
    expect(doc.kind).toBe('department-targets');
    expect(doc.department).toBe('广州市荔湾区人民政府花地街道办事处');
    expect(doc.year).toBe(2024);
    expect(doc.amountUnit).toBe('万元');
    expect(doc.problems).toEqual([]);
  });

  it('reads the 56 projects of 附表2, totalling 3,282.53 exactly, all in unit 064005', () => {
    const projects = listProjects(doc);
    expect(projects).toHaveLength(56);
    expect(new Set(projects.map((p) => p.unit.code))).toEqual(new Set(['064005']));
    expect(sumAmounts(projects.map((p) => p.project.amount), '万元')).toBe(3282.53);
    expect(doc.statedTotal).toBe(3282.53);
    const byNo = (no: number) => projects.find((p) => p.project.no === no)!.project;
    expect(byNo(1)).toMatchObject({ name: '街道党组织工作经费(荔湾区)', amount: 50, category: '32-其他事业发展性支出', indicators: [] });
    expect(byNo(1).description).toMatch(/^根据《关于建立城市基层党建工作经费保障机制的实施意见》（穗组字〔2018〕37号）/);
    expect(byNo(1).goal).toMatch(/^推进在职党员回社区报到并开展服务工作、.*持续抓好街道、社区党建阵地建设。$/);
    // The amount shares the line that ends the name here (`经费 40.00`).
    expect(byNo(4)).toMatchObject({ name: '社区办公经费', amount: 40, category: '331-部门预算部门职能类' });
    expect(byNo(22)).toMatchObject({ name: '街消毒站病媒生物防治专职人员补贴', amount: 16.56, category: '221-机构运行保障类' });
    expect(byNo(26)).toMatchObject({ name: '编外人员聘用经费', amount: 493.68, category: '221-机构运行保障类' });
    expect(byNo(56)).toMatchObject({ name: '街道环境综合整治经费', amount: 100 });
    expect(byNo(56).goal).toMatch(/生活满意度和幸福感。$/);
  });

  it('reads the four key tasks with their funds, which add up to the project expenditure', () => {
    const tasks = doc.keyTasks ?? [];
    expect(tasks.map((t) => [t.name, t.funds])).toEqual([
      ['加强党的领导和建设，强化干部队伍党风廉政', 999.53],
      ['统筹规划人员经费，保障机构日常运作', 1368.23],
      ['从多维度出发，构筑多层面荔湾', 621.91],
      ['保障和改善民生，提升社区服务满意度', 292.86],
    ]);
    expect(sumAmounts(tasks.map((t) => t.funds), '万元')).toBe(3282.53);
    expect(tasks[0]!.content).toBe('一是凝心聚力加强党建工作建设；二是坚持和完善党的集中统一领导；三是强化各级党组织建设；四是加强干部队伍建设，深化党风廉政建设。');
    expect(tasks[0]!.expected).toMatch(/^一是始终把党建作为主责主业.*切实发挥党组织的战斗堡垒作用。$/);
    // 表3-x: the projects listed under each task, with their 预算合计金额.
    expect(tasks.map((t) => [t.projectLines?.length, t.statedProjectTotal])).toEqual([
      [16, 999.53],
      [14, 1368.23],
      [14, 621.91],
      [12, 292.86],
    ]);
    for (const t of tasks) expect(sumAmounts(t.projectLines!.map((l) => l.amount), '万元')).toBe(t.statedProjectTotal);
    expect(tasks[0]!.projectLines![11]).toEqual({ name: '社区两委干部补贴', amount: 364.81 });
  });

  it('reads the 24 department indicators with their levels, explanations, formulas and targets', () => {
    const indicators = doc.indicators ?? [];
    expect(indicators).toHaveLength(24);
    const count = (level2: string) => indicators.filter((i) => i.level2 === level2).length;
    expect([count('数量指标'), count('质量指标'), count('时效指标'), count('社会效益指标'), count('可持续影响指标'), count('服务对象满意度指标')]).toEqual([8, 3, 2, 5, 2, 4]);
    expect(indicators.map((i) => i.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));

    expect(indicator('防灾减灾救灾应急演练活动')).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      explanation: '反映辖街全年组织开展防灾减灾救灾应急演练活动开展情况。',
      // 「不于」 is the document's slip (不少于); kept as written for the review to flag.
      formula: '计划全年组织开展防灾减灾救灾应急演练活动次数不于2场。',
      annualTarget: { text: '≥2场', op: '>=', value: 2, unit: '场', kind: 'quantitative' },
      periodTarget: null,
      direction: 'higher',
    });
    expect(indicator('平安创建宣传活动次数').formula).toBe('计划全年组织开展平安创建宣传活动次数不于2场次。');
    expect(indicator('出租屋登记率')).toMatchObject({
      formula: '出租屋登记率=已登记出租屋数/应登记出租屋数*100%',
      annualTarget: { text: '100%', op: '=', value: 100, unit: '%' },
    });
    expect(indicator('在编人员年度考核情况').annualTarget).toEqual({ text: '称职或以上', op: null, value: null, unit: null, kind: 'qualitative' });
    expect(indicator('变动人口更新率')).toMatchObject({ level2: '时效指标', annualTarget: { text: '90%', value: 90 } });
    expect(indicator('内街巷保洁时长').annualTarget).toMatchObject({ op: '>=', value: 16, unit: '小时' });
    expect(indicator('安全事故或不良社会影响事件发生数')).toMatchObject({ level1: '效益指标', level2: '社会效益指标', annualTarget: { text: '0次', value: 0 }, direction: 'lower' });
    expect(indicator('推进党建氛围建设').annualTarget).toMatchObject({ text: '长期', kind: 'qualitative' });
    // The body files satisfaction under 效益指标 (表4-8); 附件1 under 满意度指标. Both kept as written.
    expect(indicator('窗口服务满意度')).toMatchObject({ level1: '效益指标', level2: '服务对象满意度指标', annualTarget: { text: '≥90%' } });
  });

  it('reads the profile: functions, units, staffing and the budget split', () => {
    const p = doc.profile!;
    expect(p.functions).toMatch(/^根据《中共广州市荔湾区花地街道工作委员会.*主要职责是：\n1、宣传贯彻落实党和国家/);
    expect(p.functions?.split('\n')).toHaveLength(21);
    expect(p.staffing).toEqual({ authorized: 70, actual: 66 });
    expect(p.retired).toBe(38);
    expect([p.budgetTotal, p.basicExpenditure, p.projectExpenditure]).toEqual([6491.63, 3209.1, 3282.53]);
    expect(p.statedFigures).toMatchObject({ 行政编制: 49, 事业编制: 15, 后勤服务人员: 2, 在职实有占编制比: 94, 基本支出占比: 49.43, 项目支出占比: 50.57 });
    expect(p.overallGoal).toMatch(/^以习近平新时代中国特色社会主义思想为指导.*贡献花地力量。$/);
    expect(doc.units.map((u) => [u.name, u.nature, u.staffing?.authorized, u.projects.length])).toEqual([
      ['广州市荔湾区人民政府花地街道办事处', '行政单位', 55, 56],
      ['广州市荔湾区花地街道退役军人服务站', '公益一类事业单位', 4, 0],
      ['广州市荔湾区花地街道综合保障中心', '公益一类事业单位', 7, 0],
      ['广州市荔湾区花地街道综合服务中心', '公益一类事业单位', 4, 0],
    ]);
  });

  it('keeps 附件1 as a restatement of the goal, tasks, indicators and budget figures', () => {
    expect(doc.restatements).toHaveLength(1);
    const r = doc.restatements![0]!;
    expect(r.source).toBe('附件1 部门整体预算绩效目标表');
    expect(r.overallGoal).toBe(doc.profile?.overallGoal);
    expect(r.figures).toEqual({
      财政供养人员数: 66,
      下属二级单位数: 3,
      基本支出: 3209.1,
      财政拨款: 6491.63,
      项目支出: 2555.51,
      其他资金: 0,
      财政专项资金: 0,
      区本级使用资金: 6491.63,
      其他事业发展性支出: 727.02,
      拟用于对下转移支付资金: 0,
    });
    expect(r.keyTasks?.map((t) => [t.name, t.funds])).toEqual(doc.keyTasks?.map((t) => [t.name, t.funds]));
    expect(r.keyTasks?.[1]?.content).toBe(doc.keyTasks?.[1]?.content);
    expect(r.indicators).toHaveLength(24);
    expect(r.indicators?.find((i) => i.name === '窗口服务满意度')).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
    expect(r.indicators?.find((i) => i.name === '变动人口更新率')?.annualTarget?.text).toBe('100%');
  });

  it('gives the review what it needs to find the seed\'s real problems, and no false sums', () => {
    const findings = runChecks(doc);
    const of = (check: string) => findings.filter((f) => f.check === check);
    expect(of('suspect-wording').map((f) => f.location.indicatorName)).toEqual(['防灾减灾救灾应急演练活动', '平安创建宣传活动次数']);
    const duplicated = of('goal-text-duplicated').filter((f) => f.location.field === '项目情况简介').map((f) => f.location.project);
    expect(duplicated).toEqual(expect.arrayContaining(['社区办公经费', '社区办公经费(荔湾区)', '社区党员活动经费(荔湾区)', '社区党组织服务群众经费(荔湾区)']));
    // The body says 90%, 附件1 says 100%.
    expect(of('target-conflict').map((f) => f.location.indicatorName)).toEqual(['变动人口更新率']);
    expect(of('sum-mismatch')).toEqual([]);
    expect(of('rate-mismatch')).toEqual([]);
  });
});

describe('department target review: detection and bad input', () => {
  it('recognises seed 000 and no other seed', () => {
    expect(departmentTargetReview.detect(seed(SEED_000))).toBeGreaterThan(0.5);
    for (const other of ['001_c5157ef09bc22086.txt', '002_71a78aaa1661d207.pages-1-5.txt', '003_278ffe92ce2b05fd.txt', '004_2c12f7b2ed482af0.txt']) {
      expect(departmentTargetReview.detect(seed(other))).toBeLessThanOrEqual(0.5);
    }
  });

  it('reads an empty text as an empty document with one problem', () => {
    for (const text of ['', '   \n\n ']) {
      const doc = departmentTargetReview.parse(text, { fileName: 'empty.txt' });
      expect(doc.units).toEqual([]);
      expect(doc.problems.map((p) => p.code)).toEqual(['empty']);
    }
  });

  it('never throws on a truncated text and never invents a value', () => {
    const lines = seed(SEED_000).split('\n');
    for (let n = 0; n <= lines.length; n += 97) {
      const doc = departmentTargetReview.parse(lines.slice(0, n).join('\n'), { fileName: 'cut.txt' });
      const projects = listProjects(doc);
      // Whatever was read is a prefix of what the whole file gives, with amounts as printed or null.
      for (const { project } of projects) expect(project.amount === null || project.amount > 0).toBe(true);
      expect(projects.length).toBeLessThanOrEqual(56);
      // Every cut short of the end leaves something unread, and the reader says so.
      expect(doc.problems.length > 0 || n >= lines.length - 1).toBe(true);
    }
  });

  it('reports a row cut off inside 附表2 with its line and keeps the missing values null', () => {
    const lines = seed(SEED_000).split('\n');
    // Cut just after the name cell of row 2, before its amount.
    const start = lines.findIndex((l) => l.startsWith('2 064005'));
    const cut = lines.findIndex((l, i) => i > start && l.startsWith('47.40'));
    const doc = departmentTargetReview.parse(lines.slice(0, cut).join('\n'), { fileName: 'cut.txt' });
    const projects = listProjects(doc).map((p) => p.project);
    expect(projects).toHaveLength(2);
    expect(projects[1]).toMatchObject({ name: '两新组织党员活动经费(荔湾区)', amount: null, category: null, description: null, goal: null });
    const problem = doc.problems.find((p) => p.code === 'row-incomplete');
    expect(problem?.location.line).toBe(start + 1);
    expect(problem?.message).toContain('项目金额');
    expect(doc.problems.some((p) => p.code === 'total-missing')).toBe(true);
  });
});
