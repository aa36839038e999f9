import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgetLineKey, indicatorLineKey, monitorDocument, NATIONAL_MONITORING } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { writeMonitoringTableDocx } from './write-docx';
import { writeMonitoringTable } from './write-xlsx';
import type { MonitoringTableInput } from './rows';

const document = buildDocument({
  department: '广州市荔湾区人民政府金花街道办事处',
  projects: [
    buildProject({ name: '社区居民活动费', amount: 120, indicators: [{ name: '举办活动次数', annual: '≥24场' }, { name: '社区居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' }] }),
    buildProject({ name: '环卫保洁类经费', amount: 600.05, indicators: [{ name: '环卫保洁质量', annual: '优良', levels: '1-产出指标; 12-质量指标' }] }),
  ],
});
const deviation = { reason: '经费保障', explanation: '上级资金 8 月才下达', likelihood: '有可能', measures: ['调整执行计划', '完善管理'] };
const result = monitorDocument({
  document,
  cutoffMonth: 7,
  ruleSet: NATIONAL_MONITORING,
  entries: {
    budget: { [budgetLineKey(0, 0)]: { spent: 50, deviation }, [budgetLineKey(0, 1)]: { spent: 400.1 } },
    indicators: { [indicatorLineKey(0, 0, 0)]: { actual: 10, deviation }, [indicatorLineKey(0, 1, 0)]: { tier: 'achieved' } },
  },
});
const input: MonitoringTableInput = { department: document.department, year: 2024, result, ruleSetName: NATIONAL_MONITORING.name, status: '填报中', updatedBy: '李填报' };
const dir = mkdtempSync(join(tmpdir(), 'jixiao-monitoring-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('绩效运行监控表', () => {
  it('.xlsx: the budget lines, 合计 summed exactly, the indicator lines with lights and reasons, A4 landscape', async () => {
    const bytes = await writeMonitoringTable(input);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('绩效运行监控表')!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const find = (first: string) => rows.find((r) => r[0] === first)!;
    expect(rows[0]![0]).toBe('2024年度绩效运行监控表');
    expect(rows[1]![0]).toContain('截至 7 月');
    // 项目 (merged over 2 cells), 全年预算数 (2), 执行数, 执行率, 序时进度, 比值, 灯, 原因, 可能性, 措施
    const a = find('社区居民活动费');
    expect([a[2], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]]).toEqual(['120', '50', '41.67%', '58.33%', '71.4', '黄灯', '经费保障：上级资金 8 月才下达', '有可能', '调整执行计划、完善管理']);
    const total = find('合计');
    expect([total[2], total[4]]).toEqual(['720.05', '450.1']);
    expect(sheet.getCell(rows.indexOf(total) + 1, 3).numFmt).toBe('#,##0.00');
    const green = find('环卫保洁类经费');
    expect([green[5], green[8], green[9]]).toEqual(['66.68%', '绿灯', '']);
    const ind = rows.find((r) => r[4] === '举办活动次数')!;
    expect([ind[0], ind[5], ind[6], ind[7], ind[8], ind[9]]).toEqual(['社区居民活动费', '≥24场', '10场', '14场', '黄灯', '经费保障：上级资金 8 月才下达']);
    const survey = rows.find((r) => r[4] === '社区居民满意度')!;
    expect([survey[6], survey[7], survey[8]]).toEqual(['年终测评', '≥90%', '年终测评']);
    expect(rows.find((r) => r[4] === '环卫保洁质量')!.slice(6, 9)).toEqual(['达成', '—', '绿灯']);
    expect(rows.flat().join('|')).toContain('规则集：绩效运行监控（双监控）（cn-monitoring@1）');
    const lightCell = sheet.getCell(rows.indexOf(a) + 1, 9);
    expect(lightCell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFE699' } });
  });

  it('.docx: landscape A4 with the same figures in its two tables', async () => {
    const file = join(dir, 'monitoring.docx');
    writeFileSync(file, await writeMonitoringTableDocx(input));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('2024年度绩效运行监控表');
    expect(text).toContain('1–7月执行数（万元）');
    for (const figure of ['41.67%', '58.33%', '71.4', '黄灯', '720.05', '450.10', '经费保障：上级资金 8 月才下达', '调整执行计划、完善管理', '14场', '年终测评']) expect(text).toContain(figure);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });
});
