/**
 * `jixiao import` and `jixiao export` as a user runs them: real processes (`node apps/cli/bin/jixiao.js`) on a
 * temp JIXIAO_DATA_DIR, checking exit codes, output and that refused input writes nothing.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../../../packages/core/src/testing/builders';

const BIN = resolve(fileURLToPath(new URL('../../bin/jixiao.js', import.meta.url)));
const SEEDS = resolve(fileURLToPath(new URL('../../../../fixtures/seeds', import.meta.url)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function jixiao(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('jixiao import / export', () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;
  const doc = buildDocument({ department: '命令行测试街道', year: 2024, projects: [buildProject({ name: '社区活动', amount: 12.34 }), buildProject({ name: '环境整治', amount: 0.66 })] });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
    dataDir = join(dir, 'data');
    env = { JIXIAO_DATA_DIR: dataDir };
    writeFileSync(join(dir, 'doc.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 9]));
    writeFileSync(join(dir, 'no-year.json'), JSON.stringify({ ...doc, year: null }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses empty and binary files with exit 2 and writes nothing (no data dir is created)', async () => {
    for (const name of ['empty.txt', 'binary.txt', 'missing.txt']) {
      const run = await jixiao(['import', join(dir, name), '--year', '2024'], env);
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 2 });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
    const noYear = await jixiao(['import', join(dir, 'no-year.json')], env);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('--year');
    const mismatch = await jixiao(['import', join(dir, 'doc.json'), '--year', '2023'], env);
    expect(mismatch.code).toBe(2);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('imports (exit 0), imports the same file again as unchanged, lists and exports it back', async () => {
    const first = await jixiao(['import', join(dir, 'doc.json'), '--year', '2024', '--json'], env);
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'created', documentId: 1, version: 1, projectCount: 2, indicatorCount: 6 });

    const again = await jixiao(['import', join(dir, 'doc.json')], env);
    expect({ code: again.code, stderr: again.stderr }).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('内容与当前版本相同');

    const list = await jixiao(['export', '--list', '--json'], env);
    expect({ code: list.code, stderr: list.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(list.stdout).items).toEqual([expect.objectContaining({ id: 1, version: 1, versionCount: 1, department: '命令行测试街道', year: 2024 })]);

    const out = join(dir, 'exported.json');
    const exported = await jixiao(['export', '--format', 'json', '--document', '1', '--out', out], env);
    expect({ code: exported.code, stderr: exported.stderr }).toMatchObject({ code: 0 });
    const back = JSON.parse(readFileSync(out, 'utf8')) as typeof doc;
    const { source, ...rest } = back;
    expect(rest).toEqual(doc);
    expect(source).toMatchObject({ file: 'doc.json' });

    const missing = await jixiao(['export', '--document', '99'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到');
  });
});

/** The text of a .docx body (word/document.xml without its tags). */
function docxText(file: string): string {
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');
}

describe('jixiao export of the official documents from the database (seeds 000 and 004)', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-export-'));
    env = { JIXIAO_DATA_DIR: join(dir, 'data') };
    for (const seed of ['000_33f7e9c75c02529b.txt', '004_2c12f7b2ed482af0.txt']) {
      const run = await jixiao(['import', join(SEEDS, seed), '--json'], env);
      if (run.code !== 0) throw new Error(`import ${seed} failed (exit ${run.code}): ${run.stderr}`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the review opinion of seed 000 with the findings of the built-in rule set', async () => {
    const out = join(dir, 'opinion.docx');
    const run = await jixiao(['export', '--document', '1', '--format', 'opinion', '--out', out, '--reviewer', '张三', '--date', '2024-01-15'], env);
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('评审意见');
    const text = docxText(out);
    expect(text).toContain('广州市荔湾区人民政府花地街道办事处');
    expect(text).toContain('部门整体绩效目标编制评审意见');
    // Seed 000 writes 「不于 2 场」: the wording check's finding is in the opinion, with its suggestion.
    expect(text).toContain('「不于」');
    expect(text).toContain('修改建议');
    expect(text).toContain('评审结论');
    expect(text).toContain('评审人：张三');
    expect(text).toContain('二〇二四年一月十五日');
  });

  it('writes the 部门整体支出绩效自评表 of seed 004 with the execution rate computed from the figures', async () => {
    const out = join(dir, 'table.xlsx');
    const run = await jixiao(['export', '--document', '2', '--format', 'self-evaluation-table', '--out', out], env);
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0, stderr: '' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('部门整体支出绩效自评表')!;
    expect(String(sheet.getCell(1, 1).value)).toBe('荔湾区部门整体支出绩效自评表');
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain('88.18%');
    expect(cells.join('|')).toContain('多宝街道办事处');
  });

  it('writes the self-evaluation report of seed 004 and the filled template of seed 000', async () => {
    const report = join(dir, 'report.docx');
    const r = await jixiao(['export', '--document', '2', '--format', 'report', '--out', report, '--date', '2022-05-29'], env);
    expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 });
    const text = docxText(report);
    expect(text).toContain('部门整体支出绩效自评报告');
    expect(text).toContain('预算执行率 88.18%');

    const template = join(dir, 'template.xlsx');
    const t = await jixiao(['export', '--document', '1', '--format', 'template', '--out', template], env);
    expect({ code: t.code, stderr: t.stderr }).toMatchObject({ code: 0 });
    const parsed = await jixiao(['parse', template], env);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ kind: 'department-targets', department: '广州市荔湾区人民政府花地街道办事处', year: 2024 });
  });

  it('refuses a format that does not fit the document with exit 2, naming the formats that fit', async () => {
    const wrong = await jixiao(['export', '--document', '2', '--format', 'opinion', '--out', join(dir, 'x.docx')], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('部门整体支出绩效自评');
    expect(wrong.stderr).toContain('self-evaluation-table');
    expect(wrong.stderr).toContain('report');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);

    const table = await jixiao(['export', '--document', '1', '--format', 'self-evaluation-table', '--out', join(dir, 'y.xlsx')], env);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('opinion');

    const noOut = await jixiao(['export', '--document', '1', '--format', 'opinion'], env);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
  });
});
