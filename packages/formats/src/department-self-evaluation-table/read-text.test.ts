import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NATIONAL_DEPARTMENT_SELF_EVALUATION, NATIONAL_TARGET_REVIEW, runChecks, scoreDepartment, type PerformanceDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../read-document';
import { departmentSelfEvaluationTable } from './read-text';
import { pickTextLayout } from '../text/registry';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../fixtures/seeds/${name}`, import.meta.url)), 'utf8');
const SEED_004 = '004_2c12f7b2ed482af0.txt';
const text004 = seed(SEED_004);
const parse = (text: string) => departmentSelfEvaluationTable.parse(text, { fileName: SEED_004 });
const doc = parse(text004);
const numbers = (d: PerformanceDocument) => JSON.stringify(d).match(/-?\d+(?:\.\d+)?/g) ?? [];

describe('detect', () => {
  it('claims seed 004 and no other seed', () => {
    expect(departmentSelfEvaluationTable.detect(text004)).toBeGreaterThan(0.5);
    const others = ['000_33f7e9c75c02529b.txt', '001_c5157ef09bc22086.txt', '002_71a78aaa1661d207.pages-1-5.txt', '003_278ffe92ce2b05fd.txt'];
    const claimed = others.filter((other) => departmentSelfEvaluationTable.detect(seed(other)) > 0.5);
    expect(claimed).toEqual([]);
    expect(pickTextLayout(text004)?.id).toBe('text/department-self-evaluation-table');
  });

  it('is 0 for empty text', () => {
    expect(departmentSelfEvaluationTable.detect('')).toBe(0);
  });
});

describe('seed 004 (多宝街道 2021 部门整体支出绩效自评表)', () => {
  it('reads the heading', () => {
    expect(doc).toMatchObject({ format: 'jixiao/v1', kind: 'department-self-evaluation', department: '广州市荔湾区人民政府多宝街道办事处', year: 2021, amountUnit: '万元' });
  });

  it('reads the three budget rows with their stated figures, the wrong rates included', () => {
    expect(doc.budget?.bySource).toEqual([
      { source: '合计', initial: 4062.1, adjustment: 1026.38, adjusted: null, spent: 4487.07, statedExecutionRate: 88.18, statedAdjustmentRate: 25.27 },
      { source: '一般公共预算', initial: 4062.1, adjustment: 210.97, adjusted: null, spent: 3685.76, statedExecutionRate: 87.96, statedAdjustmentRate: 5.19 },
      { source: '政府性基金', initial: 0, adjustment: 815.41, adjusted: null, spent: 801.31, statedExecutionRate: 98.83, statedAdjustmentRate: 0 },
    ]);
    expect(doc.budget).toMatchObject({ initial: 4062.1, adjustment: 1026.38, adjusted: null, spent: 4487.07 });
    expect([doc.statedExecutionRate, doc.statedAdjustmentRate]).toEqual([88.18, 25.27]);
  });

  it('reads the annual goal and its completion', () => {
    expect(doc.goalText).toMatch(/^2021年是建党100周年.*努力开创多宝工作新局面。$/);
    expect(doc.goalCompletion).toMatch(/^2021年，多宝街在区委、区政府的正确领导下.*提高人民幸福指数。$/);
    expect(doc.goalCompletion).toContain('社会大局稳定，打造永庆坊品牌');
  });

  it('reads five tasks with their funds, content and completion', () => {
    const tasks = doc.keyTasks ?? [];
    expect(tasks.map((t) => [t.name, t.funds, t.indicators?.length])).toEqual([
      ['任务1', 446, 4],
      ['任务2', 233, 5],
      ['任务3', 2286, 3],
      ['任务4', 1241, 4],
      ['任务5', 281, 4],
    ]);
    expect(tasks[0]?.content).toMatch(/^一是持续抓好理论学习。.*扎实推进落实两委换届选举工作。$/);
    expect(tasks[0]?.completion).toMatch(/^始终坚持政治标准，注重加强思想政治建设.*深入开展党史学习教育。$/);
    expect(tasks[4]?.content).toBe('为保障街道办、居委会、社区中心的正常运营，更好地为居民提供各项服务。');
    expect(tasks[1]?.completion).toContain('日常管理巡查工作,大力提升全街安全生产整体水平，确保');
  });

  it('reads each key indicator: name, formula, target (R1) and the completion as written', () => {
    const rows = (doc.keyTasks ?? []).flatMap((t) =>
      (t.indicators ?? []).map((i) => [t.name, i.name, i.annualTarget?.text ?? null, i.annualTarget?.op ?? null, i.annualTarget?.value ?? null, i.annualTarget?.unit ?? null, i.actual?.text ?? null, i.actual?.value ?? null]),
    );
    expect(rows).toEqual([
      ['任务1', '基层党组织开展教育、培训、参观见学次数', '10次', '=', 10, '次', '基层党组织开展教育、培训、参观见学次数10次', 10],
      ['任务1', '开展党建专题活动数', '≥10次', '>=', 10, '次', '开展党建专题活动数10次', 10],
      ['任务1', '慰问困难党员群众覆盖率', '95%', '=', 95, '%', '慰问困难党员群众覆盖率达95%', 95],
      ['任务1', '基层党建工作满意度', '95%', '=', 95, '%', '基层党建工作满意度达95%', 95],
      ['任务2', '重点人员稳控率', '95%', '=', 95, '%', '重点人员稳控率达95%', 95],
      ['任务2', '开展消防安全活动次数', '4次', '=', 4, '次', '开展消防安全活动6次', 6],
      ['任务2', '检查巡查生产经营单位次数', '1000次', '=', 1000, '次', '检查巡查生产经营单位1000次', 1000],
      ['任务2', '安全事故或不良社会影响事件发生数', '0次', '=', 0, '次', '安全事故或不良社会影响事件发生数0次', 0],
      ['任务2', '信访案件办结率', '95%', '=', 95, '%', '信访案件办结率达95%', 95],
      ['任务3', '多宝街内街内巷保洁覆盖率', '100%', '=', 100, '%', '多宝街内街内巷保洁覆盖率达100%', 100],
      ['任务3', '环境整治日常巡查次数', '每日3次', '=', 3, '次/日', '环境整治日常巡查次数3次', 3],
      ['任务3', '垃圾分类群众知晓率', '85%', '=', 85, '%', '垃圾分类群众知晓率达90%', 90],
      ['任务4', '家庭综合服务社工资源链接情况', '50万元', '=', 50, '万元', '资源链接达50万', 50],
      ['任务4', '家庭综合服务第三方评估结果', '年中和年末均达良好', null, null, null, '年中和年末均达良好', null],
      ['任务4', '优待关怀退役军人覆盖面', '100%', '=', 100, '%', '优待关怀退役军人覆盖面达100%', 100],
      ['任务4', '社区困难问题解决率', '90%', '=', 90, '%', '社区困难问题解决率达90%', 90],
      ['任务5', '在编、兼职及退休人员待遇保障率', '100%', '=', 100, '%', '在编、兼职及退休人员待遇保障率达100%', 100],
      // 「职称或以上」 is kept as written (称职或以上 is meant); the review's suspect-wording check reports it.
      ['任务5', '在编人员年度考核情况', '职称或以上', null, null, null, '职称或以上', null],
      ['任务5', '社区专职人员考核达标率（合格率）', '100%', '=', 100, '%', '社区专职人员考核达标率（合格率）达100%', 100],
      ['任务5', '推进基层正风反腐专项治理工作量化测评分', '80分以上', '>=', 80, '分', '推进基层正风反腐专项治理工作量化测评分90分', 90],
    ]);
    const indicators = (doc.keyTasks ?? []).flatMap((t) => t.indicators ?? []);
    expect(indicators.find((i) => i.name === '慰问困难党员群众覆盖率')?.formula).toBe('覆盖率=实际慰问的困难党员群众人数/计划慰问的困难党员群众人数*100%');
    expect(indicators.find((i) => i.name === '家庭综合服务社工资源链接情况')?.formula).toBe('资源链接数量');
    expect(indicators.find((i) => i.name === '安全事故或不良社会影响事件发生数')?.direction).toBe('lower');
    expect(indicators.find((i) => i.name === '在编人员年度考核情况')?.annualTarget?.kind).toBe('qualitative');
  });

  it('reads 存在问题 and 改进措施; no score or grade is printed', () => {
    expect(doc.issuesText).toMatch(/^1、缺编严重。.*但品牌化仍稍显欠缺。$/);
    expect(doc.issuesText).toContain('经济补差近50万元');
    expect(doc.improvementsText).toMatch(/^（一）全力树立党建引领。.*优抚安置等政策。$/);
    expect([doc.statedScore, doc.statedGrade]).toEqual([null, null]);
  });

  it('notes only the funds cell that ran into an indicator name', () => {
    expect(doc.problems.map((p) => [p.severity, p.code, p.location.line])).toEqual([['info', 'funds-joined-to-name', 278]]);
  });
});

describe('seed 004 through readDocument, review and score', () => {
  it('is picked by readDocument; the review flags exactly the two wrong sub-row completion rates', async () => {
    const read = await readDocument({ fileName: SEED_004, bytes: new TextEncoder().encode(text004) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.document.source?.layout).toBe('text/department-self-evaluation-table');
    const rates = runChecks(read.document, NATIONAL_TARGET_REVIEW).filter((f) => f.check === 'rate-mismatch');
    const errors = rates.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.location.field)).toEqual(['一般公共预算 预算完成率', '政府性基金 预算完成率']);
    expect(errors[0]?.message).toContain('86.26%');
    expect(errors[1]?.message).toContain('98.27%');
    expect(rates.some((f) => f.location.field?.startsWith('合计'))).toBe(false);
    const findings = runChecks(read.document, NATIONAL_TARGET_REVIEW);
    expect(findings.some((f) => f.check === 'sum-mismatch')).toBe(false);
    expect(findings.some((f) => f.check === 'suspect-wording' && f.message.includes('职称或以上'))).toBe(true);
  });

  it('scores the spending progress from the 合计 row', () => {
    const score = scoreDepartment({ budget: doc.budget!, goalTier: null, keyTasks: doc.keyTasks ?? [] }, doc.amountUnit, NATIONAL_DEPARTMENT_SELF_EVALUATION);
    expect(score.spendingProgress.rate).toBe(88.18);
    expect(score.tasks).toHaveLength(5);
  });
});

describe('robustness: never throws, never invents a figure', () => {
  it('empty and blank text give an empty document with a problem', () => {
    for (const text of ['', '   \n\n  ']) {
      const d = parse(text);
      expect(d.kind).toBe('department-self-evaluation');
      expect(d.budget).toBeUndefined();
      expect(d.keyTasks).toBeUndefined();
      expect(d.problems.length).toBeGreaterThan(0);
    }
  });

  it('every prefix of seed 004 parses, and every number it reports is in the file', () => {
    const lines = text004.split('\n');
    const inFile = new Set([...(text004.match(/\d+(?:\.\d+)?/g) ?? []).flatMap((n) => [n, String(Number(n))]), '0', '1', '2', '3', '4', '5']);
    for (let n = 0; n <= lines.length; n += 7) {
      const d = parse(lines.slice(0, n).join('\n'));
      const invented = numbers({ ...d, problems: [] }).filter((num) => !inFile.has(num) && !inFile.has(String(Number(num))));
      expect({ prefix: n, invented }).toEqual({ prefix: n, invented: [] });
    }
  });

  it('a text cut inside the tasks keeps what it read and reports what is missing', () => {
    const cut = parse(text004.split('\n').slice(0, 250).join('\n'));
    expect(cut.budget?.bySource).toHaveLength(3);
    expect(cut.keyTasks?.map((t) => t.name)).toEqual(['任务1', '任务2', '任务3']);
    expect(cut.keyTasks?.[2]?.funds).toBeNull();
    const codes = cut.problems.map((p) => p.code);
    expect(codes).toContain('task-funds-missing');
    expect(codes).toContain('issues-missing');
    expect(cut.problems.find((p) => p.code === 'task-funds-missing')?.location.line).toBe(240);
  });

  it('a budget row with a figure missing is reported, not filled in', () => {
    const d = parse(text004.replace('一般公共预算 4062.10 210.97 3685.76 87.96% 5.19%', '一般公共预算 4062.10 3685.76 87.96% 5.19%'));
    const row = d.budget?.bySource.find((r) => r.source === '一般公共预算');
    expect(row).toMatchObject({ initial: null, adjustment: null, spent: null, statedExecutionRate: 87.96, statedAdjustmentRate: 5.19 });
    expect(d.problems.find((p) => p.code === 'budget-row-incomplete')?.location.line).toBe(15);
  });

  it('stays fast on a long hostile line', () => {
    const hostile = `${text004}\n任务6\n${'1 '.repeat(200_000)}x\n${'9'.repeat(200_000)}\n`;
    const started = performance.now();
    expect(() => parse(hostile)).not.toThrow();
    expect(departmentSelfEvaluationTable.detect(hostile)).toBeGreaterThan(0.5);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('garbage and other seeds do not throw', () => {
    for (const text of ['任务1\n\n\n任务2\n1\n2\n3', '资金来源 年初预算数 调整数 实际支出数 预算完成率\n合计 abc\n年度目标', '\u0000\u0001\u0002', seed('003_278ffe92ce2b05fd.txt')]) {
      expect(() => parse(text)).not.toThrow();
    }
  });
});
