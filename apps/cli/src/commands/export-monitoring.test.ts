/**
 * `jixiao export --format monitoring-table(-docx)` as a user runs it: a real process on a temp JIXIAO_DATA_DIR
 * holding 金花街道's targets (seed 002) and a monitoring report at July with one yellow line, made through the
 * services the server uses; the .xlsx is read back, the .docx unzipped, and the refusals checked.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetLineKey } from '@jixiao/core';
import { importDocumentFile, saveMonitoring, startMonitoring, SYSTEM_CHANGE } from '@jixiao/services';
import { approveTargetsForTest } from '@jixiao/services/testing';
import { openStore, pgliteTemplate } from '@jixiao/store';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_002, useCliSandbox } from '../testing/run-cli';

describe('jixiao export --format monitoring-table', () => {
  const cli = useCliSandbox('jixiao-cli-monitoring-');
  let documentId: number;
  let reportId: number;

  beforeAll(async () => {
    const store = await openStore({ dataDir: cli.dataDir, pgliteTemplate: await pgliteTemplate() });
    try {
      documentId = (await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '002_71a78aaa1661d207.pages-1-5.txt', bytes: new Uint8Array(readFileSync(SEED_002)), year: 2024 })).documentId;
      await approveTargetsForTest({ store }, documentId);
      const started = await startMonitoring({ store }, SYSTEM_CHANGE, { documentId, cutoffMonth: 7, by: '李填报' });
      reportId = started.id;
      // 街消毒站病媒生物防治专职人员补贴: 16.56 budget, 6.9 spent by July → 41.67% → ratio 71.4 → yellow.
      const deviation = { reason: '人员保障', explanation: '两名消毒员 3 月才到岗', likelihood: '有可能', measures: ['调整执行计划'] };
      await saveMonitoring({ store }, SYSTEM_CHANGE, { id: started.id, baseRevision: 1, entries: { budget: { [budgetLineKey(0, 0)]: { spent: 6.9, deviation } } }, by: '李填报' });
    } finally {
      await store.close();
    }
  }, 120_000);

  it('writes the .xlsx by --document and reads back the figures and the reason', async () => {
    const out = join(cli.dir, '监控表.xlsx');
    const run = await cli.run(['export', '--format', 'monitoring-table', '--document', String(documentId), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('绩效运行监控表（.xlsx）');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const rows: string[][] = [];
    book.getWorksheet('绩效运行监控表')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const line = rows.find((r) => r[0] === '街消毒站病媒生物防治专职人员补贴')!;
    expect([line[2], line[4], line[5], line[6], line[7], line[8], line[9]]).toEqual(['16.56', '6.9', '41.67%', '58.33%', '71.4', '黄灯', '人员保障：两名消毒员 3 月才到岗']);
  });

  it('writes the .docx by --monitoring', async () => {
    const out = join(cli.dir, '监控表.docx');
    const run = await cli.run(['export', '--format', 'monitoring-table-docx', '--monitoring', String(reportId), '--out', out]);
    expect(run).toMatchObject({ code: 0 });
    const text = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');
    expect(text).toContain('2024年度绩效运行监控表');
    expect(text).toContain('人员保障：两名消毒员 3 月才到岗');
  });

  it('refuses a missing --out, a wrong extension and a month without a report, in Chinese', async () => {
    const noOut = await cli.run(['export', '--format', 'monitoring-table', '--document', String(documentId)]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const wrong = await cli.run(['export', '--format', 'monitoring-table', '--monitoring', String(reportId), '--out', join(cli.dir, 'x.docx')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('扩展名应为 .xlsx');
    const none = await cli.run(['export', '--format', 'monitoring-table', '--document', String(documentId), '--month', '6', '--out', join(cli.dir, 'y.xlsx')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有截至 6 月的运行监控报告；已有：');
    const help = await cli.run(['export', '--help']);
    expect(help.stdout).toContain('--format monitoring-table');
  });
});
