/**
 * Issue 10 item 6: a document written exactly as shared/domain/interchange.md shows it is read; what is derivable is
 * derived (a target's kind, `funding: null`, missing lists, a problem's code, an indicator's number), nothing else is
 * filled in; a mismatch is named in words. The seeds' JSON exports still read back unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PerformanceDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../read-document';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/interchange/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../../fixtures/seeds/', import.meta.url));
const SPEC = '/work/shared/domain/interchange.md';

type Json = Record<string, unknown> & { units: Array<Record<string, unknown> & { projects: Array<Record<string, unknown> & { indicators: Array<Record<string, unknown>> }> }> };
const fixture = (name: string): Json => JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as Json;
const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

async function read(value: unknown, fileName = 'doc.json'): Promise<PerformanceDocument> {
  const result = await readDocument({ fileName, bytes: bytes(value) });
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

async function refusal(value: unknown, fileName = 'bad.json'): Promise<string> {
  const result = await readDocument({ fileName, bytes: bytes(value) });
  if (result.ok) throw new Error(`${fileName} was read`);
  expect(result.error.code).toBe('invalid-json');
  expect(result.error.message.startsWith(`${fileName}: `)).toBe(true);
  expect(result.error.message).not.toContain('\n');
  return result.error.message;
}

describe('the interchange.md example', () => {
  it('is the spec block with its comments removed: the fixture cannot drift from the spec', () => {
    const block = readFileSync(SPEC, 'utf8').split('```jsonc\n')[1]!.split('```')[0]!;
    const uncommented = block.replace(/\s*\/\/[^\n]*/g, '');
    expect(JSON.parse(uncommented)).toEqual(fixture('spec-example.json'));
  });

  it('is read as written, with the target kinds derived and the problem given the code "reported"', async () => {
    const doc = await read(fixture('spec-example.json'), 'spec-example.json');
    expect(doc).toMatchObject({ format: 'jixiao/v1', kind: 'project-targets', year: 2024, amountUnit: '万元', statedTotal: 3986.34 });
    const project = doc.units[0]!.projects[0]!;
    expect(project).toMatchObject({ name: '街消毒站病媒生物防治专职人员补贴', amount: 16.56, goal: '…', funding: { fiscal: 16.56, specialAccount: null, other: null } });
    expect(project.indicators[0]!.annualTarget).toEqual({ text: '100%', op: '=', value: 100, unit: '%', kind: 'quantitative' });
    expect(project.indicators[0]!.periodTarget?.kind).toBe('quantitative');
    expect(doc.problems).toEqual([{ severity: 'warning', code: 'reported', message: '…', location: { unit: '…', project: '…', line: 12 } }]);
  });

  it('with its comments kept (copied straight from the spec) is refused, saying JSON has no comments', async () => {
    const block = readFileSync(SPEC, 'utf8').split('```jsonc\n')[1]!.split('```')[0]!;
    const result = await readDocument({ fileName: 'copied.json', bytes: bytes(block) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-json', message: expect.stringContaining('JSON 不能含 // 注释，请删除注释后重新导入') } });
  });

  it('as a self-evaluation and as department targets (the fields the spec lists for them) is read', async () => {
    const self = await read(fixture('spec-example-self-evaluation.json'));
    const indicator = self.units[0]!.projects[0]!.indicators[0]!;
    expect(indicator).toMatchObject({ weight: 10, actual: { text: '98%', op: null, value: 98, unit: '%' }, tier: null, score: 9, deviationReason: '…' });
    expect(self.units[0]!.projects[0]!.budget).toEqual({ initial: 16.56, adjustment: 0, adjusted: 16.56, spent: 16.2, bySource: [] });
    const department = await read(fixture('spec-example-department.json'));
    expect(department.keyTasks).toEqual([{ name: '病媒生物防治', content: '…', funds: 16.56, expected: '…', projects: ['街消毒站病媒生物防治专职人员补贴'] }]);
    expect(department.indicators?.[0]?.annualTarget?.kind).toBe('quantitative');
  });
});

function withTarget(annualTarget: unknown): Json {
  const doc = fixture('spec-example.json');
  doc.units[0]!.projects[0]!.indicators[0]!['annualTarget'] = annualTarget;
  return doc;
}

async function annual(target: unknown) {
  return (await read(withTarget(target))).units[0]!.projects[0]!.indicators[0]!.annualTarget;
}

describe('what is derived, and what is not', () => {
  it('a target kind: from op and value, else from its words (R1); a stated kind is kept', async () => {
    expect((await annual({ text: '≤2小时', op: '<=', value: 2, unit: '小时' }))?.kind).toBe('quantitative');
    expect(await annual({ text: '群众满意度明显提升', op: null, value: null, unit: null })).toEqual({ text: '群众满意度明显提升', op: null, value: null, unit: null, kind: 'qualitative' });
    // A number in the words without op/value is not read into them: kept as written and marked unparseable.
    expect(await annual({ text: '≥90%', op: null, value: null, unit: null })).toEqual({ text: '≥90%', op: null, value: null, unit: null, kind: 'unparseable' });
    expect((await annual({ text: '约90%', op: null, value: null, unit: null, kind: 'unparseable' }))?.kind).toBe('unparseable');
    expect(await annual(null)).toBeNull();
  });

  it('funding null or absent → every source null; missing lists → empty; an unnumbered indicator → its position', async () => {
    const doc = fixture('spec-example.json');
    const project = doc.units[0]!.projects[0]!;
    project['funding'] = null;
    const second = { ...project, name: '第二个项目', indicators: undefined, funding: undefined };
    doc.units[0]!.projects.push(second as never);
    const indicator: Record<string, unknown> = { ...project.indicators[0]!, name: '第二个指标' };
    delete indicator['no'];
    project.indicators.push(indicator);
    delete doc['problems'];
    const read1 = await read(doc);
    const [p1, p2] = read1.units[0]!.projects;
    expect(p1!.funding).toEqual({ fiscal: null, specialAccount: null, other: null });
    expect(p2!.funding).toEqual({ fiscal: null, specialAccount: null, other: null });
    expect(p2!.indicators).toEqual([]);
    expect(p1!.indicators.map((i) => [i.no, i.name])).toEqual([[1, '补贴发放率'], [2, '第二个指标']]);
    expect(read1.problems).toEqual([]);
    // The amount stays as stated: a fiscal figure is never copied into it or out of it.
    expect(p1!.amount).toBe(16.56);
  });

  it('never invents: no amount unit, no document kind, a missing amount are refused with the place in words', async () => {
    const noUnit = fixture('spec-example.json');
    delete noUnit['amountUnit'];
    expect(await refusal(noUnit)).toContain('金额单位：缺少此项（应为 "万元" 或 "元" 之一）');
    const noKind = fixture('spec-example.json');
    delete noKind['kind'];
    expect(await refusal(noKind)).toContain('文档类型：缺少此项');
    const noAmount = fixture('spec-example.json');
    delete noAmount.units[0]!.projects[0]!['amount'];
    expect(await refusal(noAmount)).toContain('第 1 个单位第 1 个项目的金额：缺少此项（应为数字）');
  });
});

describe('validation messages in Chinese, with the place in words', () => {
  it('names the file, the place, what is expected and what is there, and what to do', async () => {
    const doc = fixture('spec-example.json');
    (doc.units[0]!.projects[0]!.indicators[0]!['annualTarget'] as Record<string, unknown>)['value'] = '九十';
    const message = await refusal(doc, '金花街道.json');
    expect(message).toBe(
      '金花街道.json: jixiao/v1 文档有 1 处不符合格式：第 1 个单位第 1 个项目第 1 个指标的年度指标值的数值：应为数字，现为文字 "九十"。' +
        '请按提示修改文件后重新导入（格式见 docs/jixiao-v1.schema.json） (does not match jixiao/v1 at units.0.projects.0.indicators.0.annualTarget.value)',
    );
  });

  it('an unknown field (a misspelt key), a wrong operator, a year out of range; more than three are counted', async () => {
    const doc = fixture('spec-example.json');
    const indicator = doc.units[0]!.projects[0]!.indicators[0]!;
    indicator['weigth'] = 10;
    (indicator['periodTarget'] as Record<string, unknown>)['op'] = '≥';
    doc['year'] = 1899;
    doc['amountUnit'] = '千元';
    doc['statedTotal'] = '3986.34';
    const message = await refusal(doc);
    expect(message).toContain('年度：应不小于 1990，现为数字 1899');
    expect(message).toContain('金额单位：应为 "万元" 或 "元" 之一，现为文字 "千元"');
    expect(message).toContain('合计金额：应为数字，现为文字 "3986.34"');
    expect(message).toContain('另有 2 处');
    const second = fixture('spec-example.json');
    second.units[0]!.projects[0]!.indicators[0]!['weigth'] = 10;
    (second.units[0]!.projects[0]!.indicators[0]!['periodTarget'] as Record<string, unknown>)['op'] = '≥';
    const both = await refusal(second);
    expect(both).toContain('第 1 个单位第 1 个项目第 1 个指标的实施周期指标值的运算符：应为 ">="、">"、"="、"<=" 或 "<" 之一，现为文字 "≥"');
    expect(both).toContain('第 1 个单位第 1 个项目第 1 个指标：有 jixiao/v1 没有的字段 "weigth"：请删除或检查拼写');
  });
});

describe('the seeds exported as JSON read back unchanged', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

  it.each(seeds)('%s', async (seed) => {
    const first = await readDocument({ fileName: seed, bytes: new Uint8Array(readFileSync(SEEDS + seed)) });
    if (!first.ok) throw new Error(first.error.message);
    const exported = JSON.stringify(first.document, null, 2);
    const again = await read(exported, seed.replace(/\.txt$/, '.json'));
    // readDocument stamps the file it read (name and sha256) on `source`; everything else comes back as exported.
    const { source: readFrom, ...content } = again;
    const { source: exportedFrom, ...original } = first.document;
    expect(content).toEqual(original);
    expect(readFrom).toEqual({ file: seed.replace(/\.txt$/, '.json'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), layout: exportedFrom!.layout });
  });

  it('covers every seed', () => expect(seeds).toHaveLength(5));
});
