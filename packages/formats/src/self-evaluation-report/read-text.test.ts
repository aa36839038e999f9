import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_TARGET_REVIEW, runChecks, scoreDepartment } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { departmentSelfEvaluationReport as layout } from './read-text';
import { pickTextLayout } from '../text/registry';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url)), 'utf8');
const SEED_001 = '001_c5157ef09bc22086.txt';
const SEED_003 = '003_278ffe92ce2b05fd.txt';
const doc001 = layout.parse(seed(SEED_001), { fileName: SEED_001 });
const doc003 = layout.parse(seed(SEED_003), { fileName: SEED_003 });

describe('detect', () => {
  it('claims seeds 001 and 003 and no other seed', () => {
    expect(layout.detect(seed(SEED_001))).toBeGreaterThan(0.5);
    expect(layout.detect(seed(SEED_003))).toBeGreaterThan(0.5);
    for (const other of ['000_33f7e9c75c02529b.txt', '002_71a78aaa1661d207.pages-1-5.txt', '004_2c12f7b2ed482af0.txt']) {
      expect(layout.detect(seed(other))).toBeLessThanOrEqual(0.5);
      expect(pickTextLayout(seed(other))?.id).not.toBe(layout.id);
    }
    expect(pickTextLayout(seed(SEED_001))?.id).toBe(layout.id);
    expect(pickTextLayout(seed(SEED_003))?.id).toBe(layout.id);
  });

  it('is 0 for empty text and parses it without throwing', () => {
    expect(layout.detect('')).toBe(0);
    expect(layout.parse('', { fileName: 'x.txt' }).problems.map((p) => p.code)).toEqual(['empty-text']);
    expect(() => layout.parse('一、综合评价分析\n\n三、存在的主要问题\n', { fileName: 'x.txt' })).not.toThrow();
  });
});

describe('seed 001 (金花街道 2023 部门整体支出绩效自评报告)', () => {
  it('reads the heading, the stated score and the budget as stated', () => {
    expect(doc001).toMatchObject({ kind: 'department-self-evaluation', department: '广州市荔湾区人民政府金花街道办事处', year: 2023, amountUnit: '万元' });
    expect([doc001.statedScore, doc001.statedGrade, doc001.statedExecutionRate]).toEqual([97.67, null, 100.31]);
    expect(doc001.budget).toMatchObject({ initial: null, adjustment: null, adjusted: 8988.68, spent: 9016.65, basic: 2636.05, project: 6380.6 });
    expect(doc001.budget?.bySource.map((r) => [r.source, r.spent])).toEqual([
      ['一般公共预算财政拨款', 7785.39],
      ['政府性基金预算财政拨款', 1179.07],
      ['国有资本经营预算财政拨款', 0],
      ['其他资金', 52.19],
    ]);
    expect(doc001.profile?.statedFigures).toMatchObject({ 基本支出: 2636.05, 项目支出: 6380.6, 年末结转和结余: 58.47 });
    expect(doc001.problems).toEqual([]);
  });

  it('reads the goal, the four key tasks, the issues and the improvements', () => {
    expect(doc001.goalText).toMatch(/^2023年金花街道办事处部门整体支出绩效目标是：.*贡献金花力量。$/);
    expect(doc001.keyTasks?.map((t) => t.name)).toEqual([
      '加强党的领导和建设，筑牢社区发展阵地',
      '维护社会大局安全稳定，营造安全稳定发展环境',
      '提升城市治理水平，提升辖区人居环境',
      '保障和改善民生，不断增进民生福祉',
    ]);
    expect(doc001.issuesText?.split('\n')).toHaveLength(3);
    expect(doc001.issuesText).toMatch(/^（一）绩效指标设置不够合理.*有待加强。$/s);
    expect(doc001.improvementsText).toMatch(/^（一）加强绩效业务学习.*切实提高财政资金的使用效益。$/s);
    expect(doc001.improvementsText).not.toContain('2024');
  });

  it('passes the consistency checks: 100.31%, the sources and 基本 + 项目 all agree', () => {
    const errors = runChecks(doc001, NATIONAL_TARGET_REVIEW).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('seed 003 (白云湖街道 2021 部门整体支出绩效自评报告)', () => {
  it('reads the heading, the grade and the budget as stated', () => {
    expect(doc003).toMatchObject({ department: '广州市白云区人民政府白云湖街道办事处', year: 2021, amountUnit: '万元', statedScore: null, statedGrade: '良', statedExecutionRate: 97.87 });
    expect(doc003.budget).toMatchObject({ initial: 18063.39, adjustment: null, adjusted: 18009.98, spent: 17626.37 });
    expect(doc003.budget?.bySource.map((r) => [r.source, r.initial, r.spent])).toEqual([
      ['一般公共预算', 17959.26, 17507.49],
      ['政府性基金', 85.94, 114.45],
      ['其他收入', 18.19, 0],
    ]);
    expect(doc003.profile?.statedFigures).toMatchObject({ 年度主要支出计划权重: 50, 年度主要支出计划得分: 49.5, 部门支出进度权重: 30, 年度目标权重: 20 });
  });

  it('reads the scoring table: five tasks, 35 indicators, weights 50, score 49.5', () => {
    const tasks = doc003.keyTasks ?? [];
    expect(tasks.map((t) => [t.weight, t.statedScore, t.indicators?.length])).toEqual([
      [5, 5, 4],
      [14, 14, 9],
      [14, 13.5, 8],
      [14, 14, 11],
      [3, 3, 3],
    ]);
    expect(tasks[4]?.name).toBe('统筹社区建设，完善基层社会治理，维护市场经济秩序。');
    expect(tasks[3]?.expected).toBe('组织开展治安打击、心理服务、人民调解、维护社会稳定等平安建设工作，加强法治社会建设，做好社区戒毒、禁毒宣传等工作。');
    const water = tasks[2]?.indicators?.[4];
    expect(water).toMatchObject({ name: '市政水务工程项目数量、质量', weight: 1, score: 0.5 });
    expect(water?.actual?.text).toMatch(/^实施工程共5项。.*3项正在推进中。$/);
    expect(tasks[1]?.indicators?.[2]?.name).toBe('特殊民政服务对象服务覆盖率');
    expect(tasks[1]?.indicators?.[1]?.actual?.text).toMatch(/提升社区内居民的幸福感、获得感。$/);
    const weights = tasks.flatMap((t) => t.indicators ?? []).reduce((a, i) => a + (i.weight ?? 0), 0);
    const scores = tasks.flatMap((t) => t.indicators ?? []).reduce((a, i) => a + (i.score ?? 0), 0);
    expect([weights, scores]).toEqual([50, 49.5]);
  });

  it('keeps 表1 (37 indicators, its own weights) as a restatement and notes 37 versus 35', () => {
    const table1 = doc003.restatements?.[0];
    expect(table1?.source).toBe('表1白云湖街年度关键指标');
    expect(table1?.keyTasks?.map((t) => [t.weight, t.indicators?.length])).toEqual([
      [5, 4],
      [14, 10],
      [14, 8],
      [14, 12],
      [3, 3],
    ]);
    expect(doc003.problems.map((p) => [p.code, p.location.line])).toEqual([
      ['indicator-count-differs', 226],
      ['indicator-count-differs', 220],
    ]);
  });

  it('flags only the sources that do not add up to 执行数', () => {
    const errors = runChecks(doc003, NATIONAL_TARGET_REVIEW).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.check)).toEqual(['sum-mismatch']);
    expect(errors[0]?.evidence).toContain('17,621.94');
    expect(errors[0]?.evidence).toContain('17,626.37');
  });

  it('scores the key-indicator table as stated', () => {
    const s = scoreDepartment(
      { budget: doc003.budget!, goalTier: null, keyTasks: doc003.keyTasks ?? [], statedKeyTasksScore: doc003.profile?.statedFigures?.['年度主要支出计划得分'] ?? null },
      doc003.amountUnit,
      NATIONAL_DEPARTMENT_SELF_EVALUATION,
    );
    expect(s.keyTasksScore).toBe(49.5);
    expect(s.tasks.map((t) => t.score)).toEqual([5, 14, 13.5, 14, 3]);
    expect(s.differences).toEqual([]);
    expect(s.spendingProgress.rate).toBe(97.87);
  });
});

describe('odd extractions', () => {
  it('reads the same key tasks when every line of seed 003 is followed by a blank line', () => {
    const spaced = layout.parse(seed(SEED_003).split('\n').join('\n\n'), { fileName: SEED_003 });
    expect(doc003.keyTasks?.length).toBe(5);
    expect(spaced.keyTasks?.map((t) => t.name)).toEqual(doc003.keyTasks?.map((t) => t.name));
    expect(spaced.keyTasks?.map((t) => t.indicators?.map((i) => [i.name, i.weight, i.score]))).toEqual(doc003.keyTasks?.map((t) => t.indicators?.map((i) => [i.name, i.weight, i.score])));
  });

  it('reads seed 003 with 322 K of digits inserted (the indicator count pattern was quadratic on a digit run)', () => {
    const text = seed(SEED_003);
    const at = text.indexOf('\n', text.length >> 1);
    const hostile = `${text.slice(0, at)}\n${'7'.repeat(330_000)}个关键性指标\n${text.slice(at)}`;
    const doc = layout.parse(hostile, { fileName: SEED_003 });
    expect(doc.keyTasks?.map((t) => t.name)).toEqual(doc003.keyTasks?.map((t) => t.name));
    // The stated count now differs from the inserted one, so the reader says so.
    expect(doc.problems.some((p) => p.code === 'indicator-count-differs' && p.message.includes('个'))).toBe(true);
  });
});
