/**
 * The actuals workbook round trip: written by jixiao, filled the way a person does it in Excel (edited here with
 * exceljs), read back through the guard and the XML reader. And the files a person gets wrong: each error names its
 * sheet, row and column, and one error refuses the whole file.
 */
import { readFileSync } from 'node:fs';
import { applyEntries, indicatorSlots, NATIONAL_PROJECT_SELF_EVALUATION, scoreSelfEvaluation, type PerformanceDocument } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { readDocument } from '../read-document';
import { formatWorkbookError, readActualsWorkbook } from './read-xlsx';
import { ACTUALS_SHEET, BUDGET_SHEET } from './layout';
import { writeActualsWorkbook } from './write-xlsx';

const target = buildDocument({
  department: '广州市荔湾区人民政府金花街道办事处',
  year: 2024,
  projects: [
    buildProject({ name: '社区活动', amount: 12.34 }),
    buildProject({ name: '长者饭堂', amount: 20, indicators: [{ name: '服务质量', annual: '优良', levels: '1-产出指标; 12-质量指标' }, { name: '投诉次数', annual: '0次', levels: '2-效益指标; 22-社会效益' }] }),
  ],
});
const identity = { evaluationId: 7, documentId: 3, targetVersion: 1, period: '2024' };

async function edit(bytes: Uint8Array, change: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  change(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The row of an indicator on the actuals sheet (by its hidden key in column A). */
function rowOf(book: ExcelJS.Workbook, key: string, sheet = ACTUALS_SHEET): ExcelJS.Row {
  const ws = book.getWorksheet(sheet)!;
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(1).value === key) found = r;
  });
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

const read = (bytes: Uint8Array, doc: PerformanceDocument = target) => readActualsWorkbook({ fileName: '填报表.xlsx', bytes, target: doc, identity });

describe('the actuals workbook', () => {
  it('writes every indicator and budget line, targets locked, and reads back what was filled', async () => {
    const written = await writeActualsWorkbook({ target, entries: { indicators: { 'u0.p0.i0': { actual: '10次' } }, budgets: {} }, identity });
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(Buffer.from(written) as unknown as ArrayBuffer);
    const ws = check.getWorksheet(ACTUALS_SHEET)!;
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(rowOf(check, 'u0.p0.i0').getCell(7).protection?.locked).not.toBe(false);
    expect(rowOf(check, 'u0.p0.i0').getCell(9).protection?.locked).toBe(false);
    expect(rowOf(check, 'u0.p0.i0').getCell(9).value).toBe('10次');

    const filled = await edit(written, (book) => {
      rowOf(book, 'u0.p0.i0').getCell(9).value = '11次';
      rowOf(book, 'u0.p0.i1').getCell(9).value = '85%';
      rowOf(book, 'u0.p0.i2').getCell(9).value = 95;
      rowOf(book, 'u0.p0.i2').getCell(12).value = '增加了入户回访';
      rowOf(book, 'u0.p1.i0').getCell(10).value = '部分达成';
      rowOf(book, 'u0.p1.i0').getCell(11).value = 18;
      rowOf(book, 'u0.p1.i1').getCell(9).value = '0次';
      const b = rowOf(book, 'u0.p0', BUDGET_SHEET);
      b.getCell(5).value = 12.34;
      b.getCell(6).value = '11.10';
    });
    const result = await read(filled);
    if (!result.ok) throw new Error(result.errors.map(formatWorkbookError).join('\n'));
    expect(result.rows).toBe(indicatorSlots(target).length);
    expect(result.entries.indicators['u0.p0.i1']).toEqual({ actual: '85%', tier: null, score: null, deviationReason: null });
    expect(result.entries.indicators['u0.p0.i2']).toMatchObject({ actual: '95', deviationReason: '增加了入户回访' });
    expect(result.entries.indicators['u0.p1.i0']).toMatchObject({ tier: 'partly', score: 18 });
    expect(result.entries.budgets['u0.p0']).toEqual({ initial: 12.34, adjusted: 12.34, spent: 11.1 });
    // What was read scores as typed: 活动覆盖率 85% of ≥90% → 15 × 85/90 (the 30 outcome points … spread over its indicators).
    const score = scoreSelfEvaluation(applyEntries(target, result.entries), null, NATIONAL_PROJECT_SELF_EVALUATION);
    if (score.scope !== 'project') throw new Error('project scope expected');
    const line = score.projects[0]!.score.lines.find((l) => l.name === '活动覆盖率')!;
    expect(line.result.status).toBe('partly');
    expect(line.result.score).toBe(Math.round(((line.weight * 85) / 90) * 100) / 100);
    expect(score.projects[0]!.score.execution.rate).toBe(89.95);
  });

  it('refuses the whole file for a changed target, an unreadable actual, a wrong unit, a bad tier or amount — each at its sheet, row and column', async () => {
    const written = await writeActualsWorkbook({ target, entries: { indicators: {}, budgets: {} }, identity });
    const bad = await edit(written, (book) => {
      const first = rowOf(book, 'u0.p0.i0');
      first.getCell(7).value = '≥1次';
      first.getCell(9).value = '很多';
      rowOf(book, 'u0.p0.i1').getCell(9).value = '85次';
      rowOf(book, 'u0.p1.i0').getCell(10).value = '优秀';
      rowOf(book, 'u0.p0', BUDGET_SHEET).getCell(6).value = '十万';
    });
    const result = await read(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.errors.map(formatWorkbookError);
    expect(lines).toEqual([
      expect.stringMatching(/^「实际完成值」工作表第 4 行 G 列：年度指标值被改成了「≥1次」，批复的绩效目标是「≥12次」/),
      expect.stringMatching(/^「实际完成值」工作表第 4 行 I 列：实际完成值「很多」无法识别为数值/),
      expect.stringMatching(/^「实际完成值」工作表第 5 行 I 列：实际完成值「85次」的单位「次」与年度指标值「≥90%」的单位「%」不同/),
      expect.stringMatching(/^「实际完成值」工作表第 7 行 J 列：定性档次「优秀」无法识别/),
      expect.stringMatching(/^「预算执行」工作表第 4 行 F 列：全年执行数「十万」不是数字/),
    ]);
  });

  it('refuses deleted, unknown and added rows, another evaluation\'s file and a file that is not a workbook', async () => {
    const written = await writeActualsWorkbook({ target, entries: { indicators: {}, budgets: {} }, identity });
    const rows = await edit(written, (book) => {
      const ws = book.getWorksheet(ACTUALS_SHEET)!;
      ws.spliceRows(rowOf(book, 'u0.p0.i2').number, 1);
      rowOf(book, 'u0.p1.i1').getCell(1).value = 'u9.p9.i9';
      ws.getCell(ws.rowCount + 2, 9).value = '12次';
    });
    const result = await read(rows);
    if (result.ok) throw new Error('should be refused');
    const lines = result.errors.map(formatWorkbookError);
    expect(lines.some((l) => /第 \d+ 行 A 列：行标识「u9\.p9\.i9」不属于这份自评/.test(l))).toBe(true);
    expect(lines.some((l) => /第 \d+ 行 A 列：这一行没有行标识/.test(l))).toBe(true);
    expect(lines).toContainEqual(expect.stringContaining('缺少「社区活动」的指标「居民满意度」这一行（行标识 u0.p0.i2）'));
    expect(lines).toContainEqual(expect.stringContaining('缺少「长者饭堂」的指标「投诉次数」这一行'));

    const other = await readActualsWorkbook({ fileName: 'a.xlsx', bytes: written, target, identity: { ...identity, evaluationId: 8 } });
    expect(other.ok || other.errors[0]!.message).toMatch(/是自评编号 7.*不是当前这份自评（编号 8/);
    const text = await readActualsWorkbook({ fileName: 'a.xlsx', bytes: new TextEncoder().encode('hello'), target, identity });
    expect(text.ok || text.errors[0]!.message).toMatch(/^a\.xlsx: 这不是有效的 Excel \.xlsx 文件/);
  });

  it('round-trips seed 004 (a department): key indicators, the total and per-source budget lines, 年度目标', async () => {
    const file = '004_2c12f7b2ed482af0.txt';
    const parsed = await readDocument({ fileName: file, bytes: new Uint8Array(readFileSync(new URL(`../../../../fixtures/seeds/${file}`, import.meta.url))) });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const doc = parsed.document;
    const written = await writeActualsWorkbook({ target: doc, entries: { indicators: {}, budgets: {} }, identity });
    const filled = await edit(written, (book) => {
      rowOf(book, 'goal').getCell(10).value = '达成';
      rowOf(book, 'department', BUDGET_SHEET).getCell(5).value = 5088.48;
      rowOf(book, 'department', BUDGET_SHEET).getCell(6).value = 4487.07;
    });
    const result = await read(filled, doc);
    if (!result.ok) throw new Error(result.errors.map(formatWorkbookError).join('\n'));
    expect(Object.keys(result.entries.indicators)).toHaveLength(indicatorSlots(doc).length);
    expect(result.entries.goal).toMatchObject({ tier: 'achieved' });
    expect(result.entries.budgets['department']).toMatchObject({ adjusted: 5088.48, spent: 4487.07 });
  });
});
