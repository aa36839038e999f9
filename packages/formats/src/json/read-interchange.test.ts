import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { readDocument } from '../read-document';
import { checkJsonShape } from './json-shape-limits';

const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const doc = buildDocument({ department: '测试街道', year: 2024, projects: [buildProject({ name: '甲' }), buildProject({ name: '乙' })] });

async function refusal(fileName: string, value: unknown) {
  const result = await readDocument({ fileName, bytes: bytes(value) });
  if (result.ok) throw new Error('read');
  expect(result.error.message.startsWith(`${fileName}: `)).toBe(true);
  expect(result.error.message).not.toContain('\n');
  return result.error;
}

describe('interchange JSON with a hostile shape is refused, not thrown', () => {
  it('projects that each hold 20,000 nulls as indicators (the validator overflowed the stack)', async () => {
    const hostile = structuredClone(doc) as { units: Array<{ projects: Array<{ indicators: unknown[] }> }> };
    for (const u of hostile.units) for (const p of u.projects) p.indicators = Array(20_000).fill(null);
    for (let i = 0; i < 22; i++) hostile.units[0]!.projects.push({ ...hostile.units[0]!.projects[0]!, indicators: Array(20_000).fill(null) });
    const error = await refusal('nulls.json', hostile);
    expect(error.code).toBe('invalid-json');
    expect(error.message).toContain('units.0.projects.0.indicators 有 20000 项，超过上限 2000 项');
  });

  it('an array over the general limit, a value nested too deeply, and deep nesting JSON.parse itself refuses', async () => {
    expect((await refusal('long.json', { ...doc, problems: Array(60_000).fill(0) })).message).toContain('problems 有 60000 项');
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { a: deep };
    expect((await refusal('deep.json', { ...doc, source: deep })).message).toContain('嵌套超过 32 层');
    const veryDeep = `{"format":"jixiao/v1","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect((await refusal('very-deep.json', veryDeep)).code).toBe('invalid-json');
  });

  it('still reads a valid document, and keys that shadow Object.prototype are not limits', async () => {
    const result = await readDocument({ fileName: 'ok.json', bytes: bytes(doc) });
    expect(result.ok).toBe(true);
    expect(checkJsonShape({ constructor: [1, 2, 3], toString: [] })).toBeNull();
    expect(checkJsonShape({ indicators: Array(2_001).fill(1) })).toMatchObject({ kind: 'array-length', path: 'indicators', max: 2_000 });
  });
});

describe('readDocument never throws', () => {
  it('turns anything a reader throws into a refusal naming the file', async () => {
    // A getter on the input that throws stands in for a reader bug.
    const input = { fileName: 'bug.txt', get bytes(): Uint8Array { throw new RangeError('Maximum call stack size exceeded'); } };
    const result = await readDocument(input);
    expect(result).toMatchObject({ ok: false, error: { code: 'reader-failed', file: 'bug.txt', message: expect.stringMatching(/^bug\.txt: 读取文件时出错.*RangeError/) } });
  });
});
