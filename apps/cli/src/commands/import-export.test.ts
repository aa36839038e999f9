/**
 * `jixiao import` and `jixiao export` as a user runs them: real processes (`node apps/cli/bin/jixiao.js`) on a
 * temp JIXIAO_DATA_DIR, checking exit codes, output and that refused input writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { SEEDS, useCliSandbox } from '../testing/run-cli';

describe('jixiao import / export', () => {
  const cli = useCliSandbox('jixiao-cli-');
  const doc = buildDocument({ department: '命令行测试街道', year: 2024, projects: [buildProject({ name: '社区活动', amount: 12.34 }), buildProject({ name: '环境整治', amount: 0.66 })] });

  beforeAll(() => {
    writeFileSync(join(cli.dir, 'doc.json'), JSON.stringify(doc));
    writeFileSync(join(cli.dir, 'empty.txt'), '');
    writeFileSync(join(cli.dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 9]));
    writeFileSync(join(cli.dir, 'no-year.json'), JSON.stringify({ ...doc, year: null }));
  });

  it('refuses empty and binary files with exit 2 and writes nothing (no data dir is created)', async () => {
    for (const name of ['empty.txt', 'binary.txt', 'missing.txt']) {
      const run = await cli.run(['import', join(cli.dir, name), '--year', '2024']);
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 2 });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
    const noYear = await cli.run(['import', join(cli.dir, 'no-year.json')]);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('--year');
    const mismatch = await cli.run(['import', join(cli.dir, 'doc.json'), '--year', '2023']);
    expect(mismatch.code).toBe(2);
    expect(existsSync(cli.dataDir)).toBe(false);
  });

  it('imports (exit 0), imports the same file again as unchanged, lists and exports it back', async () => {
    const first = await cli.run(['import', join(cli.dir, 'doc.json'), '--year', '2024', '--json']);
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'created', documentId: 1, version: 1, projectCount: 2, indicatorCount: 6 });

    const again = await cli.run(['import', join(cli.dir, 'doc.json')]);
    expect({ code: again.code, stderr: again.stderr }).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('内容与当前版本相同');

    const list = await cli.run(['export', '--list', '--json']);
    expect({ code: list.code, stderr: list.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(list.stdout).items).toEqual([expect.objectContaining({ id: 1, version: 1, versionCount: 1, department: '命令行测试街道', year: 2024 })]);

    const out = join(cli.dir, 'exported.json');
    const exported = await cli.run(['export', '--format', 'json', '--document', '1', '--out', out]);
    expect({ code: exported.code, stderr: exported.stderr }).toMatchObject({ code: 0 });
    const back = JSON.parse(readFileSync(out, 'utf8')) as typeof doc;
    const { source, ...rest } = back;
    expect(rest).toEqual(doc);
    expect(source).toMatchObject({ file: 'doc.json' });

    const missing = await cli.run(['export', '--document', '99']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到');
  });
});

/** The text of a .docx body (word/document.xml without its tags). */
function docxText(file: string): string {
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');
}

describe('jixiao export of the official documents from the database (seeds 000 and 004)', () => {
  const cli = useCliSandbox('jixiao-cli-export-');

  beforeAll(async () => {
    for (const seed of ['000_33f7e9c75c02529b.txt', '004_2c12f7b2ed482af0.txt']) {
      const run = await cli.run(['import', join(SEEDS, seed), '--json']);
      if (run.code !== 0) throw new Error(`import ${seed} failed (exit ${run.code}): ${run.stderr}`);
    }
  });

  it('writes the review opinion of seed 000 with the findings of the built-in rule set', async () => {
    const out = join(cli.dir, 'opinion.docx');
    const run = await cli.run(['export', '--document', '1', '--format', 'opinion', '--out', out, '--reviewer', '张三', '--date', '2024-01-15']);
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
    const out = join(cli.dir, 'table.xlsx');
    const run = await cli.run(['export', '--document', '2', '--format', 'self-evaluation-table', '--out', out]);
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
    const report = join(cli.dir, 'report.docx');
    const r = await cli.run(['export', '--document', '2', '--format', 'report', '--out', report, '--date', '2022-05-29']);
    expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 });
    const text = docxText(report);
    expect(text).toContain('部门整体支出绩效自评报告');
    expect(text).toContain('预算执行率 88.18%');

    const template = join(cli.dir, 'template.xlsx');
    const t = await cli.run(['export', '--document', '1', '--format', 'template', '--out', template]);
    expect({ code: t.code, stderr: t.stderr }).toMatchObject({ code: 0 });
    const parsed = await cli.run(['parse', template]);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ kind: 'department-targets', department: '广州市荔湾区人民政府花地街道办事处', year: 2024 });
  });

  it('refuses a format that does not fit the document with exit 2, naming the formats that fit', async () => {
    const wrong = await cli.run(['export', '--document', '2', '--format', 'opinion', '--out', join(cli.dir, 'x.docx')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('部门整体支出绩效自评');
    expect(wrong.stderr).toContain('self-evaluation-table');
    expect(wrong.stderr).toContain('report');
    expect(existsSync(join(cli.dir, 'x.docx'))).toBe(false);

    const table = await cli.run(['export', '--document', '1', '--format', 'self-evaluation-table', '--out', join(cli.dir, 'y.xlsx')]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('opinion');

    const noOut = await cli.run(['export', '--document', '1', '--format', 'opinion']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
  });
});
