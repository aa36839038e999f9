/**
 * `jixiao actuals` and `jixiao export --evaluation` as a user runs them: real processes on a temp JIXIAO_DATA_DIR —
 * start a self-evaluation on seed 002, export the actuals workbook, fill it with exceljs, import it back; a bad
 * workbook exits 2 with one line naming sheet, row and column and changes nothing; the 项目支出绩效自评表 and the
 * 自评报告 are written as real files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve(fileURLToPath(new URL('../../bin/jixiao.js', import.meta.url)));
const SEED = resolve(fileURLToPath(new URL('../../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url)));

function jixiao(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

describe('jixiao actuals', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-actuals-'));
    env = { JIXIAO_DATA_DIR: join(dir, 'data') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('documents itself in --help', async () => {
    const help = await jixiao(['actuals', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('jixiao actuals import FILE --evaluation ID');
    const exportHelp = await jixiao(['export', '--help'], env);
    expect(exportHelp.stdout).toContain('project-self-evaluation-table');
  });

  it('starts, exports the workbook, imports it filled; refuses a bad one with exit 2 and one line; exports the tables', async () => {
    expect((await jixiao(['import', SEED, '--year', '2024'], env)).code).toBe(0);
    const started = await jixiao(['actuals', 'start', '--document', '1', '--year', '2024', '--by', '李填报'], env);
    expect(started.stdout).toMatch(/^已开始绩效自评 1：2024 年度/);
    const book = join(dir, '填报表.xlsx');
    expect((await jixiao(['export', '--format', 'actuals-workbook', '--evaluation', '1', '--out', book], env)).code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('实际完成值')!;
    ws.getRow(4).getCell(9).value = '差不多';
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
    const refused = await jixiao(['actuals', 'import', bad, '--evaluation', '1'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/bad\.xlsx 未导入（共 1 处错误.*「实际完成值」工作表第 4 行 I 列：实际完成值「差不多」无法识别为数值/);

    ws.getRow(4).getCell(9).value = '100%';
    const good = join(dir, 'good.xlsx');
    writeFileSync(good, Buffer.from(await wb.xlsx.writeBuffer()));
    const imported = await jixiao(['actuals', 'import', good, '--evaluation', '1', '--by', '李填报'], env);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/已导入 .*good\.xlsx 到绩效自评 1：\d+ 行，第 2 版/);
    const list = await jixiao(['actuals', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toMatchObject({ items: [{ id: 1, revision: 2, updatedBy: '李填报' }] });

    const table = join(dir, '自评表.xlsx');
    expect((await jixiao(['export', '--format', 'project-self-evaluation-table', '--evaluation', '1', '--out', table], env)).code).toBe(0);
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(readFileSync(table) as unknown as ArrayBuffer);
    const cells: string[] = [];
    check.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('项目支出绩效自评表');
    expect(cells).toContain('100%');
    const report = join(dir, '自评报告.docx');
    expect((await jixiao(['export', '--format', 'self-evaluation-report', '--evaluation', '1', '--out', report, '--date', '2025-01-20'], env)).code).toBe(0);
    expect([...readFileSync(report).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const wrong = await jixiao(['export', '--format', 'department-self-evaluation-table', '--evaluation', '1', '--out', join(dir, 'x.xlsx')], env);
    expect(wrong.code).toBe(2);
  });
});
