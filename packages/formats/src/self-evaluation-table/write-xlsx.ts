/**
 * 项目支出绩效自评表 (.xlsx) in the official layout (财预〔2020〕10号 附件): 项目名称, 主管部门, 实施单位; 项目资金
 * (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分); 年度总体目标 (预期目标, 实际完成情况); 绩效指标 (一级, 二级,
 * 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施); 总分 and 自评等级 — one sheet per project. Every
 * rate, score and total is the core's score of the data, never a figure the document stated.
 */
import { formatTarget, projectTotal, type PerformanceDocument, type ProjectEvaluationScore } from '@jixiao/core';
import ExcelJS, { type Worksheet } from 'exceljs';
import { AMOUNT_FORMAT, ensureHeight, heightFor, put, setupPrint } from '../xlsx/sheet-style';

export interface ProjectSelfEvaluationTableInput {
  /** The self-evaluation document (targets with the entries applied). */
  document: PerformanceDocument;
  /** The core's score of each project, in document order. */
  projects: readonly ProjectEvaluationScore[];
  /** The rule set in words, with its 文号 (`ruleSetTitle`), printed under the table. */
  ruleTitle: string;
  /** 年度总体目标的实际完成情况 per project key, when written. */
  goalCompletion?: Record<string, string>;
}

const TIER_WORDS = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' } as const;
const WIDTHS = [14, 12, 26, 14, 16, 8, 8, 30];
const COLS = WIDTHS.length;
const fmt = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(name: string, index: number, used: Set<string>): string {
  const base = `${index + 1}-${name.replace(/[[\]:*?/\\]/g, '')}`.slice(0, 31);
  let out = base;
  for (let k = 2; used.has(out); k++) out = `${base.slice(0, 28)}~${k}`;
  used.add(out);
  return out;
}

function writeProject(sheet: Worksheet, doc: PerformanceDocument, p: ProjectEvaluationScore, rule: string, completion: string): void {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const w = (from: number, cols = 1) => WIDTHS.slice(from - 1, from - 1 + cols).reduce((a, b) => a + b, 0);
  setupPrint(sheet, false);
  const [u, k] = p.key.slice(1).split('.p').map(Number) as [number, number];
  const unit = doc.units[u]!;
  const project = unit.projects[k]!;
  let row = 1;
  put(sheet, { row, col: 1, cols: COLS }, '项目支出绩效自评表', { bold: true, align: 'center', size: 16, border: false });
  sheet.getRow(row).height = 28;
  row++;
  put(sheet, { row, col: 1, cols: COLS }, `（${doc.year ?? '    '}年度）`, { align: 'center', size: 12, border: false });
  row++;
  put(sheet, { row, col: 1 }, '项目名称', { align: 'center' });
  put(sheet, { row, col: 2, cols: COLS - 1 }, project.name);
  row++;
  put(sheet, { row, col: 1 }, '主管部门', { align: 'center' });
  put(sheet, { row, col: 2, cols: 3 }, doc.department ?? '');
  put(sheet, { row, col: 5 }, '实施单位', { align: 'center' });
  put(sheet, { row, col: 6, cols: 3 }, unit.name);
  ensureHeight(sheet, row, 1, Math.max(heightFor(doc.department ?? '', w(2, 3)), heightFor(unit.name, w(6, 3))));
  row++;

  const e = p.score.execution;
  const b = project.budget;
  put(sheet, { row, col: 1, rows: 2 }, `项目资金（${doc.amountUnit}）`, { align: 'center' });
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => put(sheet, { row, col: 2 + i, cols: i === 5 ? 2 : 1 }, h, { bold: true, align: 'center' }));
  row++;
  put(sheet, { row, col: 2 }, b?.initial ?? null, { align: 'right', format: AMOUNT_FORMAT });
  put(sheet, { row, col: 3 }, b?.adjusted ?? b?.initial ?? null, { align: 'right', format: AMOUNT_FORMAT });
  put(sheet, { row, col: 4 }, b?.spent ?? null, { align: 'right', format: AMOUNT_FORMAT });
  put(sheet, { row, col: 5 }, e.weight, { align: 'center' });
  put(sheet, { row, col: 6 }, e.rate == null ? '—' : `${e.rate.toFixed(2)}%`, { align: 'right' });
  put(sheet, { row, col: 7, cols: 2 }, fmt(e.score), { align: 'center' });
  row++;

  put(sheet, { row, col: 1, rows: 2 }, '年度总体目标', { align: 'center' });
  put(sheet, { row, col: 2, cols: 3 }, '预期目标', { bold: true, align: 'center' });
  put(sheet, { row, col: 5, cols: 4 }, '实际完成情况', { bold: true, align: 'center' });
  row++;
  put(sheet, { row, col: 2, cols: 3 }, project.goal ?? '');
  put(sheet, { row, col: 5, cols: 4 }, completion);
  ensureHeight(sheet, row, 1, Math.max(heightFor(project.goal ?? '', w(2, 3)), heightFor(completion, w(5, 4))));
  row++;

  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => put(sheet, { row, col: 1 + i }, h, { bold: true, align: 'center' }));
  row++;
  const first = row;
  p.score.lines.forEach((line, i) => {
    const ind = project.indicators[i]!;
    const reason = ind.deviationReason ?? (line.result.status === 'pending' || line.result.status === 'invalid' ? line.result.reasons.join('；') : '');
    put(sheet, { row, col: 1 }, ind.level1 ?? '', { align: 'center' });
    put(sheet, { row, col: 2 }, ind.level2 ?? '', { align: 'center' });
    put(sheet, { row, col: 3 }, ind.name);
    put(sheet, { row, col: 4 }, formatTarget(ind.annualTarget ?? ind.periodTarget), { align: 'center' });
    // A qualitative indicator rated without words of its own shows its tier (R5), so the row is never blank.
    const actual = ind.actual?.text ?? (ind.tier ? TIER_WORDS[ind.tier] : '');
    put(sheet, { row, col: 5 }, actual, { align: 'center' });
    put(sheet, { row, col: 6 }, line.weight, { align: 'center' });
    put(sheet, { row, col: 7 }, fmt(line.result.score), { align: 'center' });
    put(sheet, { row, col: 8 }, reason);
    ensureHeight(sheet, row, 1, Math.max(heightFor(ind.name, w(3)), heightFor(actual, w(5)), heightFor(reason, w(8))));
    row++;
  });
  mergeRuns(sheet, first, row - 1, 1);
  mergeRuns(sheet, first, row - 1, 2);

  const total = projectTotal(p.score);
  put(sheet, { row, col: 1, cols: 5 }, '总分', { bold: true, align: 'center' });
  put(sheet, { row, col: 6 }, 100, { align: 'center' });
  put(sheet, { row, col: 7 }, fmt(total), { align: 'center' });
  put(sheet, { row, col: 8 }, `自评等级：${p.score.grade ?? '待评定'}`, { align: 'center' });
  row++;
  const notes = [`评分规则：${rule}`, ...p.score.notes].join('；');
  put(sheet, { row, col: 1, cols: COLS }, notes, { size: 9, border: false });
  ensureHeight(sheet, row, 1, heightFor(notes, w(1, COLS)));
}

/** Merges consecutive equal cells of a column (一级 / 二级 indicator names), as the official form prints them. */
function mergeRuns(sheet: Worksheet, from: number, to: number, col: number): void {
  let start = from;
  for (let r = from + 1; r <= to + 1; r++) {
    const same = r <= to && String(sheet.getCell(r, col).value ?? '') === String(sheet.getCell(start, col).value ?? '') && String(sheet.getCell(r, 1).value ?? '') === String(sheet.getCell(start, 1).value ?? '');
    if (same) continue;
    if (r - 1 > start && String(sheet.getCell(start, col).value ?? '') !== '') sheet.mergeCells(start, col, r - 1, col);
    start = r;
  }
}

export async function writeProjectSelfEvaluationTable(input: ProjectSelfEvaluationTableInput): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  const used = new Set<string>();
  input.projects.forEach((p, i) => writeProject(book.addWorksheet(sheetName(p.project, i, used)), input.document, p, input.ruleTitle, input.goalCompletion?.[p.key] ?? ''));
  if (input.projects.length === 0) put(book.addWorksheet('项目支出绩效自评表'), { row: 1, col: 1 }, '该文档没有项目。', { border: false });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
