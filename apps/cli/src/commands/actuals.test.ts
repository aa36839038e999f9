/**
 * `jixiao actuals` and `jixiao export --evaluation` as a user runs them: real processes on a temp JIXIAO_DATA_DIR —
 * start a self-evaluation on seed 002, export the actuals workbook, fill it with exceljs, import it back; a bad
 * workbook exits 2 with one line naming sheet, row and column and changes nothing; the 项目支出绩效自评表 and the
 * 自评报告 are written as real files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { openStore } from '@jixiao/store';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { approveTargetsIn, SEED_002, useCliSandbox } from '../testing/run-cli';

describe('jixiao actuals', () => {
  const cli = useCliSandbox('jixiao-cli-actuals-');

  it('documents itself in --help', async () => {
    const help = await cli.run(['actuals', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('jixiao actuals import FILE --evaluation ID');
    const exportHelp = await cli.run(['export', '--help']);
    expect(exportHelp.stdout).toContain('project-self-evaluation-table');
  });

  it('starts, exports the workbook, imports it filled; refuses a bad one with exit 2 and one line; exports the tables', async () => {
    expect((await cli.run(['import', SEED_002, '--year', '2024'])).code).toBe(0);
    // Targets never approved are refused, saying what to do (exit 1, one line).
    const early = await cli.run(['actuals', 'start', '--document', '1', '--year', '2024', '--by', '李填报']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('这份绩效目标尚未批复（当前为「草稿」），不能开始绩效自评');
    await approveTargetsIn(cli.dataDir, 1);
    const started = await cli.run(['actuals', 'start', '--document', '1', '--year', '2024', '--by', '李填报']);
    expect(started.stdout).toMatch(/^已开始绩效自评 1：2024 年度/);
    const book = join(cli.dir, '填报表.xlsx');
    expect((await cli.run(['export', '--format', 'actuals-workbook', '--evaluation', '1', '--out', book])).code).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('实际完成值')!;
    ws.getRow(4).getCell(9).value = '差不多';
    const bad = join(cli.dir, 'bad.xlsx');
    writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
    const refused = await cli.run(['actuals', 'import', bad, '--evaluation', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/bad\.xlsx 未导入（共 1 处错误.*「实际完成值」工作表第 4 行 I 列：实际完成值「差不多」无法识别为数值/);

    ws.getRow(4).getCell(9).value = '100%';
    const good = join(cli.dir, 'good.xlsx');
    writeFileSync(good, Buffer.from(await wb.xlsx.writeBuffer()));
    const imported = await cli.run(['actuals', 'import', good, '--evaluation', '1', '--by', '李填报']);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/已导入 .*good\.xlsx 到绩效自评 1：\d+ 行，第 2 版/);
    const list = await cli.run(['actuals', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject({ items: [{ id: 1, revision: 2, updatedBy: '李填报' }] });

    const table = join(cli.dir, '自评表.xlsx');
    expect((await cli.run(['export', '--format', 'project-self-evaluation-table', '--evaluation', '1', '--out', table])).code).toBe(0);
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(readFileSync(table) as unknown as ArrayBuffer);
    const cells: string[] = [];
    check.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('项目支出绩效自评表');
    expect(cells).toContain('100%');
    const report = join(cli.dir, '自评报告.docx');
    expect((await cli.run(['export', '--format', 'self-evaluation-report', '--evaluation', '1', '--out', report, '--date', '2025-01-20'])).code).toBe(0);
    expect([...readFileSync(report).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const wrong = await cli.run(['export', '--format', 'department-self-evaluation-table', '--evaluation', '1', '--out', join(cli.dir, 'x.xlsx')]);
    expect(wrong.code).toBe(2);
  });

  it('left an audit entry for the import, the start and the imported workbook, naming the operator; the refused workbook left none', async () => {
    const store = await openStore({ dataDir: cli.dataDir });
    try {
      const { items } = await store.audit.listAudit({ limit: 50 });
      expect(items.map((a) => [a.action, a.objectId, a.actor.username]).reverse()).toEqual([
        ['document.import', '1', `cli:${userInfo().username}`],
        // The approval the web app would give (approveTargetsIn), as the administrator.
        ['workflow.submit', '1', 'admin'],
        ['workflow.approve-unit', '1', 'admin'],
        ['review.conclude', '1', 'admin'],
        ['workflow.approve', '1', 'admin'],
        ['self-evaluation.start', '1', 'cli:李填报'],
        ['self-evaluation.import-actuals', '1', 'cli:李填报'],
      ]);
      const imported = items[0]!;
      expect([(imported.before as { revision: number }).revision, (imported.after as { revision: number }).revision]).toEqual([1, 2]);
    } finally {
      await store.close();
    }
  });
});
