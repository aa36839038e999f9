import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { countIndicators, listProjects, NATIONAL_TARGET_REVIEW, runChecks, sumAmounts, type Indicator, type PerformanceDocument, type Project } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../read-document';
import { compactProjectTable, NO_UNIT_NAME } from './compact-project-table';

const SEEDS = new URL('../../../../fixtures/seeds/', import.meta.url);
const FILE = '002_71a78aaa1661d207.pages-1-5.txt';
const seed = (name: string) => readFileSync(new URL(name, SEEDS), 'utf8');
const TEXT = seed(FILE);
const parse = (text: string) => compactProjectTable.parse(text, { fileName: FILE });
const FULL = parse(TEXT);
const projects = (doc: PerformanceDocument) => listProjects(doc).map(({ project }) => project);
const project = (name: string): Project => {
  const found = projects(FULL).find((p) => p.name === name);
  if (!found) throw new Error(`no project ${name}`);
  return found;
};
const indicator = (projectName: string, no: number): Indicator => {
  const found = project(projectName).indicators.find((i) => i.no === no);
  if (!found) throw new Error(`no indicator ${no} in ${projectName}`);
  return found;
};
const CJK_SPACE_CJK = /[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/;

describe('项目支出绩效目标表, compact indicators (seed 002, pages 1–5)', () => {
  it('reads 24 projects totalling 2,316.05 万元 with 102 indicators', () => {
    expect(FULL.kind).toBe('project-targets');
    expect(FULL.department).toBe('广州市荔湾区人民政府金花街道办事处');
    expect(FULL.amountUnit).toBe('万元');
    expect(FULL.statedTotal).toBe(3986.34);
    expect(FULL.units.map((u) => [u.name, u.statedAmount, u.projects.length])).toEqual([['广州市荔湾区人民政府金花街道办事处', 3111.77, 24]]);
    expect(projects(FULL)).toHaveLength(24);
    expect(sumAmounts(projects(FULL).map((p) => p.amount), '万元')).toBe(2316.05);
    expect(countIndicators(FULL)).toBe(102);
    expect(FULL.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads the first project and its first indicator completely', () => {
    const first = projects(FULL)[0]!;
    expect(first).toMatchObject({
      name: '街消毒站病媒生物防治专职人员补贴',
      code: null,
      amount: 16.56,
      funding: { fiscal: 16.56, specialAccount: null, other: null },
      goal: '站专职人员福利,提升职工幸福感。',
    });
    expect(first.indicators).toHaveLength(4);
    expect(first.indicators[0]).toEqual({
      no: 1,
      level1: '产出指标',
      level1Code: '1',
      level2: '质量指标',
      level2Code: '12',
      name: '补贴发放率',
      periodTarget: { text: '100%', op: '=', value: 100, unit: '%', kind: 'quantitative' },
      annualTarget: { text: '100%', op: '=', value: 100, unit: '%', kind: 'quantitative' },
      direction: 'higher',
    });
  });

  it('keeps names free of extraction spaces', () => {
    const names = [FULL.department ?? '', ...FULL.units.map((u) => u.name), ...projects(FULL).flatMap((p) => [p.name, p.goal ?? '', ...p.indicators.map((i) => i.name)])];
    expect(names.filter((n) => CJK_SPACE_CJK.test(n))).toEqual([]);
    expect(projects(FULL).map((p) => p.name)).toEqual(
      expect.arrayContaining(['安全监察防火安全生产等工作经费', '社区经济联社组织员经费(荔湾区)', '两新组织党员活动经费(荔湾区)', '综治信访维稳等专项工作经费']),
    );
  });

  it('keeps codes and levels exactly as written, mismatches included', () => {
    expect(indicator('街消毒站病媒生物防治专职人员补贴', 4)).toMatchObject({ level1Code: '3', level1: '满意度指标', level2Code: '12', level2: '质量指标', name: '职工满意度指标' });
    expect(indicator('综治信访维稳等专项工作经费', 4)).toMatchObject({ level1Code: '2', level1: '效益指标', level2Code: '31', level2: '服务对象满意度', name: '群众满意度' });
    // 社会效益 is written without 指标 in this table and stays that way.
    expect(indicator('编外人员聘用经费', 3)).toMatchObject({ level2Code: '22', level2: '社会效益', name: '资金拨付使用率' });
  });

  it('reads 社区居民活动费 whose 4th indicator is cut off before 年度指标值', () => {
    const p = project('社区居民活动费');
    expect(p.amount).toBe(15.28);
    // The lone 3 after the amounts is extraction noise, not a 财政专户拨款 figure.
    expect(p.funding).toEqual({ fiscal: 15.28, specialAccount: null, other: null });
    expect(p.indicators).toHaveLength(4);
    expect(p.indicators[3]).toMatchObject({
      no: 4,
      name: '社区居民幸福指数',
      periodTarget: { text: '提高', op: null, value: null, unit: null, kind: 'qualitative' },
      annualTarget: null,
      direction: null,
    });
    const problem = FULL.problems.find((x) => x.code === 'annual-target-missing');
    expect(problem).toMatchObject({ severity: 'warning', location: { line: 10, project: '社区居民活动费', indicator: 4 } });
    expect(problem?.message).toContain('社区居民幸福指数');
    expect(problem?.message).toContain('年度指标值');
  });

  it('reads the ≥60% satisfaction target and qualitative targets as words', () => {
    expect(indicator('妇女团组织等工作经费', 4)).toMatchObject({
      name: '妇女满意度',
      periodTarget: { text: '≥60%', op: '>=', value: 60, unit: '%' },
      annualTarget: { text: '≥60%', op: '>=', value: 60, unit: '%', kind: 'quantitative' },
      direction: 'higher',
    });
    const words = (p: string, no: number) => indicator(p, no).annualTarget;
    expect(words('街消毒站病媒生物防治专职人员补贴', 3)).toEqual({ text: '优良', op: null, value: null, unit: null, kind: 'qualitative' });
    expect(words('编外人员聘用经费', 2)).toEqual({ text: '及时', op: null, value: null, unit: null, kind: 'qualitative' });
    expect(words('社区民政工作经费', 4)).toEqual({ text: '提升', op: null, value: null, unit: null, kind: 'qualitative' });
    expect(words('帮扶工作经费', 3)).toEqual({ text: '有效改善', op: null, value: null, unit: null, kind: 'qualitative' });
  });

  it('reads every separator the table uses', () => {
    // `:` between all fields
    expect(indicator('帮扶工作经费', 1)).toMatchObject({ level1Code: '1', level2Code: '11', name: '开展帮扶调研工作次数', annualTarget: { value: 3, unit: '次', op: '=' } });
    // `,` before 实施周期指标值
    expect(indicator('严重精神障碍患者监护补助', 2)).toMatchObject({ name: '严重精神障碍患者监护及救治财政补助发放及时率', periodTarget: { value: 100 }, annualTarget: { value: 100 } });
    // `。` between the two values, and `≦` with 个小时
    expect(indicator('人大相关工作经费', 2)).toMatchObject({ name: '街联组代表在人代会提出建议数量', periodTarget: { text: '≥2', value: 2 }, annualTarget: { text: '≥2', value: 2 } });
    expect(indicator('陈家祠广场安全服务管养经费', 2)).toMatchObject({ annualTarget: { text: '≦2个小时', op: '<=', value: 2, unit: '小时' }, direction: 'lower' });
    // A period and an annual value that differ are kept apart.
    expect(indicator('街道综合工作经费', 1)).toMatchObject({ periodTarget: { value: 100 }, annualTarget: { value: 80 } });
  });

  it('never reads stray characters as money and reports them', () => {
    const strays = FULL.problems.filter((p) => p.code === 'stray-characters');
    expect(strays.map((p) => [p.severity, p.location.line])).toEqual([
      ['info', 5],
      ['info', 6],
      ['info', 10],
    ]);
    const amounts = projects(FULL).flatMap((p) => [p.amount, p.funding.fiscal, p.funding.specialAccount, p.funding.other]);
    expect(amounts).not.toContain(3);
    expect(amounts).not.toContain(7);
    expect(projects(FULL).every((p) => p.funding.specialAccount === null && p.funding.other === null)).toBe(true);
  });

  it('warns that the stated totals do not reconcile with the projects of the excerpt', () => {
    const totals = FULL.problems.filter((p) => p.code === 'totals-do-not-reconcile');
    expect(totals.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(totals[0]?.message).toContain('3,986.34');
    expect(totals[0]?.message).toContain('2,316.05');
    expect(totals[0]?.location).toMatchObject({ line: 5, field: '合计' });
    expect(totals[1]?.message).toContain('3,111.77');
    expect(totals[1]?.location.unit).toBe('广州市荔湾区人民政府金花街道办事处');
  });

  it('is picked by readDocument, and only for this layout', async () => {
    const result = await readDocument({ fileName: FILE, bytes: new TextEncoder().encode(TEXT) });
    expect(result.ok && result.document.source?.layout).toBe('text/compact-project-table');
    expect(compactProjectTable.detect(TEXT)).toBeGreaterThan(0.5);
    const others = ['000_33f7e9c75c02529b.txt', '001_c5157ef09bc22086.txt', '003_278ffe92ce2b05fd.txt', '004_2c12f7b2ed482af0.txt'];
    const claimed = others.filter((other) => compactProjectTable.detect(seed(other)) > 0.5);
    expect(claimed).toEqual([]);
  });
});

const row = (special: string) => `测试项目\t10. 00\t7. 00\t${special}\t\t目标。\t1、1-产出指标; 11-数量指标; 次数; 实施周期指标值:1次; 年度指标值:1次。`;

describe('an excerpt (pages missing) is said once, and its totals are warnings in the review', () => {
  it('notes that the footer says 10 pages while about 5 are present', () => {
    const notes = FULL.problems.filter((p) => p.code === 'document-incomplete');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('共10页');
    expect(notes[0]!.message).toContain('约5页');
  });

  it('reports the unit subtotal and 合计 differences as warnings, not errors', () => {
    const sums = runChecks(FULL, NATIONAL_TARGET_REVIEW).filter((f) => f.check === 'sum-mismatch');
    expect(sums.map((f) => [f.location.field, f.severity])).toEqual([
      ['单位小计', 'warning'],
      ['合计', 'warning'],
    ]);
  });

  it('keeps them errors when the whole document is there', () => {
    const whole = parse(TEXT.replace('第 1 页, 共 10 页', '第 1 页, 共 5 页'));
    expect(whole.problems.some((p) => p.code === 'document-incomplete')).toBe(false);
    const sums = runChecks(whole, NATIONAL_TARGET_REVIEW).filter((f) => f.check === 'sum-mismatch');
    expect(sums.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});

describe('variants of the compact layout', () => {
  const header = '项目名称(资金使用单位)\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标';

  it('reads full-width separators, spaces inside keywords and numbers, and a real 财政专户拨款 amount', () => {
    const text = [
      '项目支出绩效目标表(含转移支付项目)',
      '部门名称：测试街道办事处',
      header,
      '合计\t1, 010. 50\t1, 000. 00\t10. 50\t\t\t',
      '测试街道 办事处\t1, 010. 50\t1, 000. 00\t10. 50\t\t\t',
      '社区 活动 经费\t1, 010. 50\t1, 000. 00\t10. 50\t\t开展 社区 活动。\t1、 1-产出指标；11-数量指标；举办 活动 次数；实施周期指标 值：≥ 12次；年度指标 值：≥12次。2、3-满意度指标，31-服务对象满意度，居民满意度，实施周期指标值，90%，年度指标值，90%。',
      '第 1 页, 共 1 页',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.department).toBe('测试街道办事处');
    expect(doc.statedTotal).toBe(1010.5);
    expect(doc.units.map((u) => u.name)).toEqual(['测试街道办事处']);
    const [p] = projects(doc);
    expect(p).toMatchObject({ name: '社区活动经费', amount: 1010.5, funding: { fiscal: 1000, specialAccount: 10.5, other: null }, goal: '开展社区活动。' });
    expect(p?.indicators.map((i) => [i.no, i.level1Code, i.level1, i.level2Code, i.level2, i.name, i.periodTarget?.value, i.annualTarget?.value])).toEqual([
      [1, '1', '产出指标', '11', '数量指标', '举办活动次数', 12, 12],
      [2, '3', '满意度指标', '31', '服务对象满意度', '居民满意度', 90, 90],
    ]);
    expect(doc.problems.filter((x) => x.code === 'totals-do-not-reconcile')).toEqual([]);
  });

  it('reads rows with extra empty columns, a name spilled over two cells and goal text spilled past the indicators', () => {
    const text = [
      header,
      '测试街道办事处\t2. 00\t2. 00\t\t\t\t\t\t',
      '社区经济联社组织员经费(荔\t湾区)\t1. 00\t1. 00\t\t\t\t开展 工作，\t\t1、1-产出指标; 11-数量指标; 次数; 实施周期指标值:1次; 年度指标值:1次。\t提高 效率。\tĮ',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(projects(doc)).toEqual([
      expect.objectContaining({ name: '社区经济联社组织员经费(荔湾区)', amount: 1, goal: '开展工作，提高效率。', indicators: [expect.objectContaining({ name: '次数', annualTarget: expect.objectContaining({ value: 1, unit: '次' }) })] }),
    ]);
    expect(doc.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['text-moved-to-goal', 'stray-characters', 'totals-do-not-reconcile']));
  });

  it('takes a bare integer in a funding column as money only when it makes the funding add up', () => {
    expect(projects(parse(`${header}\n${row('3')}\n`))[0]?.funding).toEqual({ fiscal: 7, specialAccount: 3, other: null });
    const noisy = parse(`${header}\n${row('4')}\n`);
    expect(projects(noisy)[0]?.funding).toEqual({ fiscal: 7, specialAccount: null, other: null });
    expect(noisy.problems.map((x) => x.code)).toEqual(expect.arrayContaining(['stray-characters', 'funding-does-not-add-up', 'projects-without-unit']));
    expect(noisy.units[0]?.name).toBe(NO_UNIT_NAME);
    // Not a placeholder stored as if it were a unit: the name is left empty and the problem says so.
    expect(NO_UNIT_NAME).toBe('');
    expect(noisy.problems.find((x) => x.code === 'projects-without-unit')?.message).toContain('单位名称留空');
  });
});

/**
 * What `part` (read from a damaged copy of the file) says that the whole file does not: every value must be the
 * same as in the whole file, or null. Returns the differences, so a test can expect none.
 */
const levels = (x: Indicator | undefined) => x && [x.name, x.level1, x.level1Code, x.level2, x.level2Code];

function inventions(part: PerformanceDocument): string[] {
  const out: string[] = [];
  const same = (what: string, value: unknown, whole: unknown) => {
    if (value !== null && !isDeepStrictEqual(value, whole)) out.push(`${what}: ${JSON.stringify(value)} ≠ ${JSON.stringify(whole)}`);
  };
  same('合计', part.statedTotal, FULL.statedTotal);
  // The department cell is printed twice, once cut short (`部门名称:广州市荔湾区人民政府`); a cut file may hold only that one.
  if (part.department !== null && !FULL.department?.startsWith(part.department)) out.push(`部门 ${part.department}`);
  for (const unit of part.units.filter((u) => u.name !== NO_UNIT_NAME)) {
    const whole = FULL.units.find((u) => u.name === unit.name);
    if (!whole) out.push(`unit ${unit.name}`);
    same(`${unit.name} 小计`, unit.statedAmount, whole?.statedAmount);
  }
  for (const p of projects(part)) {
    const whole = projects(FULL).find((w) => w.name === p.name);
    if (!whole) {
      out.push(`project ${p.name}`);
      continue;
    }
    same(`${p.name} 金额`, p.amount, whole.amount);
    for (const key of ['fiscal', 'specialAccount', 'other'] as const) same(`${p.name} ${key}`, p.funding[key], whole.funding[key]);
    if (p.goal !== null && !whole.goal?.startsWith(p.goal)) out.push(`${p.name} goal ${p.goal}`);
    for (const i of p.indicators) {
      const w = whole.indicators.find((x) => x.no === i.no);
      same(`${p.name} #${i.no}`, levels(i), levels(w));
      same(`${p.name} #${i.no} 实施周期指标值`, i.periodTarget, w?.periodTarget);
      same(`${p.name} #${i.no} 年度指标值`, i.annualTarget, w?.annualTarget);
    }
  }
  return out;
}

describe('damaged and hostile input: never throws, never invents a value', () => {
  const LINES = TEXT.split('\n');

  it('reads an empty or blank text as an empty document with a problem', () => {
    for (const text of ['', '\n\n', '\t\t\t', '   ']) {
      const doc = parse(text);
      expect(projects(doc)).toEqual([]);
      expect(doc.problems.map((p) => p.code)).toContain('no-projects');
      expect(compactProjectTable.detect(text)).toBe(0);
    }
  });

  it('does not read an amount cut off at the end of the file', () => {
    const at = TEXT.indexOf('29. 88') + '29. 8'.length;
    const doc = parse(TEXT.slice(0, at));
    const cut = projects(doc).find((p) => p.name === '社区民政工作经费');
    expect(cut?.amount).toBeNull();
    expect(doc.problems.some((p) => p.code === 'row-cut' && p.location.line === 15)).toBe(true);
  });

  it('does not read a target value cut off at the end of the file', () => {
    const at = TEXT.indexOf('年度指标值:100%。2、1-产出指标; 13-时效指标; 补贴发放及时率') + '年度指标值:10'.length;
    const doc = parse(TEXT.slice(0, at));
    const first = projects(doc)[0]!;
    expect(first.indicators).toHaveLength(1);
    expect(first.indicators[0]?.annualTarget).toBeNull();
    expect(first.indicators[0]?.periodTarget?.value).toBe(100);
    expect(doc.problems.some((p) => p.code === 'cell-cut' && p.location.indicator === 1)).toBe(true);
  });

  it('survives the file truncated at any point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TEXT.length }), (at) => {
        expect(inventions(parse(TEXT.slice(0, at)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('survives lines shuffled, dropped and duplicated', () => {
    const indices = fc.array(fc.integer({ min: 0, max: LINES.length - 1 }), { maxLength: LINES.length * 2 });
    fc.assert(
      fc.property(indices, fc.boolean(), (picked, newline) => {
        const text = picked.map((i) => LINES[i]).join('\n') + (newline ? '\n' : '');
        expect(inventions(parse(text))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('survives garbage built from the pieces of the layout, and every number it reads is in the text', () => {
    const pieces = ['\t', '\n', ' ', '1、', '2、', '1-产出指标', '3-满意度指标', '12-质量指标', ';', '；', ':', '：', ',', '。', '实施周期指标值', '年度指标 值', '100%', '≥9', '提升', '3, 986. 34', '16. 56', '7', 'Į', '合计', '项目名称', '第 1 页, 共 10 页', '部门名称:', '街道办事处', '经费', '、'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        const doc = parse(text);
        compactProjectTable.detect(text);
        const digits = text.replace(/[\s,]/g, '');
        const numbers = [
          doc.statedTotal,
          ...doc.units.map((u) => u.statedAmount),
          ...projects(doc).flatMap((p) => [p.amount, p.funding.fiscal, p.funding.specialAccount, p.funding.other]),
          ...projects(doc).flatMap((p) => p.indicators.flatMap((i) => [i.periodTarget?.value, i.annualTarget?.value])),
        ].filter((n): n is number => typeof n === 'number');
        expect(numbers.filter((n) => !digits.includes(String(n)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary text and stays fast on a long hostile line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const doc = parse(text);
        expect(doc.format).toBe('jixiao/v1');
        expect(compactProjectTable.detect(text)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
    const hostile = `名称\t1. 00\t\t\t\t\t${'1、1-产出指标; 11-数量指标; 名; 实施周期指标值:'.repeat(5000)}`;
    const started = performance.now();
    const doc = parse(hostile);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(projects(doc)).toHaveLength(1);
  });
});
