/**
 * Reads a filled actuals workbook back into self-evaluation entries, through the zip guard and the XML grid reader
 * (no exceljs on read). Everything wrong is collected — a file for another evaluation, a missing sheet or header,
 * unknown, duplicated or missing row keys, a changed target cell, an actual that is not a number where the target
 * is one, a unit other than the target's, a tier or an amount that cannot be read — each naming its sheet, row and
 * column; one error refuses the whole file, so nothing is half-imported.
 */
import {
  budgetSlots,
  formatTarget,
  indicatorSlots,
  parseActual,
  scopeOf,
  type BudgetEntry,
  type IndicatorEntry,
  type PerformanceDocument,
  type QualitativeTier,
  type SelfEvaluationEntries,
} from '@jixiao/core';
import { DEFAULT_LIMITS } from '../limits';
import { colLetter, type Grid } from '../xlsx/grid';
import { loadWorkbook } from '../xlsx/load-workbook';
import {
  ACTUAL_COLUMNS,
  ACTUALS_SHEET,
  BUDGET_COLUMNS,
  BUDGET_SHEET,
  colOf,
  GOAL_ROW_KEY,
  HEADER_ROW,
  parseIdentityMarker,
  TIER_WORDS,
  type ActualsWorkbookIdentity,
} from './layout';

export interface WorkbookError {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export type ActualsWorkbookResult = { ok: true; entries: SelfEvaluationEntries; rows: number } | { ok: false; errors: WorkbookError[] };

export interface ReadActualsWorkbookInput {
  fileName: string;
  bytes: Uint8Array;
  target: PerformanceDocument;
  identity: ActualsWorkbookIdentity;
}

const TIER_BY_WORD: Record<string, QualitativeTier> = Object.fromEntries(Object.entries(TIER_WORDS).map(([k, v]) => [v, k as QualitativeTier]));

/** `「实际完成值」工作表第 12 行 I 列：…` — how every error reads. */
export function formatWorkbookError(e: WorkbookError): string {
  const where = e.row == null ? '' : `第 ${e.row} 行${e.column ? ` ${e.column} 列` : ''}`;
  return e.sheet ? `「${e.sheet}」工作表${where}：${e.message}` : e.message;
}

/** A number typed as a number or as text (`1,234.50`, `１２`); undefined when the text is not a number. */
function amountOf(grid: Grid, r: number, c: number): number | null | undefined {
  const v = grid.value(r, c);
  if (v == null || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v === 'number') return v;
  const t = v.normalize('NFKC').replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

const col = (key: string) => colOf(ACTUAL_COLUMNS, key);

export async function readActualsWorkbook(input: ReadActualsWorkbookInput): Promise<ActualsWorkbookResult> {
  const loaded = await loadWorkbook(input.fileName, input.bytes, DEFAULT_LIMITS);
  if (!loaded.ok) return { ok: false, errors: [{ sheet: '', row: null, column: null, message: loaded.error.message }] };
  const errors: WorkbookError[] = [];
  const fail = (sheet: string, row: number | null, at: number | null, message: string) => errors.push({ sheet, row, column: at == null ? null : colLetter(at), message });

  const marker = parseIdentityMarker(loaded.keywords);
  const want = input.identity;
  if (!marker) {
    fail('', null, null, `${input.fileName} 不是本系统导出的实际完成值填报表：请在自评页面点击「下载填报表」，在下载的文件中填写后上传。`);
    return { ok: false, errors };
  }
  if (marker.evaluationId !== want.evaluationId || marker.documentId !== want.documentId || marker.targetVersion !== want.targetVersion) {
    fail('', null, null, `${input.fileName} 是自评编号 ${marker.evaluationId}（目标文档 ${marker.documentId} 第 ${marker.targetVersion} 版）的填报表，不是当前这份自评（编号 ${want.evaluationId}，目标文档 ${want.documentId} 第 ${want.targetVersion} 版）的：请下载本自评的填报表重新填写。`);
    return { ok: false, errors };
  }
  const grid = (name: string) => loaded.grids.find((g) => g.name === name);
  const actuals = grid(ACTUALS_SHEET);
  const budget = grid(BUDGET_SHEET);
  for (const [name, g] of [[ACTUALS_SHEET, actuals], [BUDGET_SHEET, budget]] as const) {
    if (!g) fail(name, null, null, `找不到这个工作表（工作表名称被改动或被删除）：请使用下载的填报表，不要改工作表名称。`);
  }
  if (!actuals || !budget) return { ok: false, errors };
  const headersOk = [[actuals, ACTUAL_COLUMNS], [budget, BUDGET_COLUMNS]] as const;
  for (const [g, columns] of headersOk) {
    columns.forEach((c, i) => {
      if (g.text(HEADER_ROW, i + 1) !== c.title) fail(g.name, HEADER_ROW, i + 1, `表头应为「${c.title}」，现为「${g.text(HEADER_ROW, i + 1)}」：请不要插入、删除或移动列。`);
    });
  }
  if (errors.length) return { ok: false, errors };

  const indicators: Record<string, IndicatorEntry> = {};
  const goal: NonNullable<SelfEvaluationEntries['goal']> = {};
  let rows = 0;
  const slots = new Map(indicatorSlots(input.target).map((s) => [s.key, s]));
  const seen = new Map<string, number>();
  const department = scopeOf(input.target) === 'department';
  for (let r = HEADER_ROW + 1; r <= actuals.rowCount; r++) {
    const key = actuals.text(r, 1);
    const filled = ACTUAL_COLUMNS.some((_, i) => actuals.text(r, i + 1) !== '');
    if (!filled) continue;
    if (!key) {
      fail(ACTUALS_SHEET, r, 1, '这一行没有行标识（隐藏的 A 列为空）：不要新增行，请在下载的填报表原有的行中填写。');
      continue;
    }
    if (seen.has(key)) {
      fail(ACTUALS_SHEET, r, 1, `行标识 ${key} 与第 ${seen.get(key)} 行重复：不要复制行。`);
      continue;
    }
    seen.set(key, r);
    const tierText = actuals.text(r, col('tier'));
    const tier = tierText ? TIER_BY_WORD[tierText] : null;
    if (tierText && !tier) fail(ACTUALS_SHEET, r, col('tier'), `定性档次「${tierText}」无法识别：请选择 达成、部分达成 或 未达成，或留空。`);
    const score = amountOf(actuals, r, col('score'));
    if (score === undefined) fail(ACTUALS_SHEET, r, col('score'), `评定得分「${actuals.text(r, col('score'))}」不是数字：请填写数字（例如 8.5）或留空。`);
    else if (score != null && score < 0) fail(ACTUALS_SHEET, r, col('score'), `评定得分 ${score} 不能为负数。`);
    const actualText = actuals.text(r, col('actual'));
    if (key === GOAL_ROW_KEY && department) {
      rows++;
      goal.completion = actualText || null;
      goal.tier = tier ?? null;
      goal.score = score ?? null;
      continue;
    }
    const slot = slots.get(key);
    if (!slot) {
      fail(ACTUALS_SHEET, r, 1, `行标识「${key}」不属于这份自评的绩效目标（可能来自别的填报表）：请在本自评下载的填报表中填写。`);
      continue;
    }
    rows++;
    const i = slot.indicator;
    const target = i.annualTarget ?? i.periodTarget;
    const expected: Array<[string, string]> = [
      ['name', i.name],
      ['target', formatTarget(target)],
    ];
    for (const [field, value] of expected) {
      const got = actuals.text(r, col(field));
      const title = ACTUAL_COLUMNS[col(field) - 1]!.title;
      if (got !== value.trim()) fail(ACTUALS_SHEET, r, col(field), `${title}被改成了「${got}」，批复的绩效目标是「${value}」：目标不能在填报表中修改，请恢复原值（或重新下载填报表）。`);
    }
    const entry: IndicatorEntry = { actual: actualText || null, tier: tier ?? null, score: score ?? null, deviationReason: actuals.text(r, col('deviationReason')) || null };
    if (actualText && target?.kind === 'quantitative' && !tier) {
      const parsed = parseActual(actualText);
      if (parsed?.value == null) {
        fail(ACTUALS_SHEET, r, col('actual'), `实际完成值「${actualText}」无法识别为数值；「${i.name}」的年度指标值是「${target.text}」，请填写数值（例如 ${target.value ?? ''}${target.unit ?? ''}），或在「定性档次」列评定档次。`);
      } else if (parsed.unit && target.unit && parsed.unit !== target.unit) {
        fail(ACTUALS_SHEET, r, col('actual'), `实际完成值「${actualText}」的单位「${parsed.unit}」与年度指标值「${target.text}」的单位「${target.unit}」不同：请按指标值的单位填写。`);
      }
    }
    indicators[key] = entry;
  }
  for (const [key, slot] of slots) {
    if (!seen.has(key)) fail(ACTUALS_SHEET, null, null, `缺少「${slot.project ?? slot.group}」的指标「${slot.indicator.name}」这一行（行标识 ${key}）：请不要删除行，重新下载填报表后填写。`);
  }

  const budgets: Record<string, BudgetEntry> = {};
  const budgetKeys = new Map(budgetSlots(input.target).map((s) => [s.key, s]));
  const seenBudget = new Set<string>();
  for (let r = HEADER_ROW + 1; r <= budget.rowCount; r++) {
    const key = budget.text(r, 1);
    if (!BUDGET_COLUMNS.some((_, i) => budget.text(r, i + 1) !== '')) continue;
    const slot = budgetKeys.get(key);
    if (!slot || seenBudget.has(key)) {
      fail(BUDGET_SHEET, r, 1, key ? `行标识「${key}」${slot ? '重复' : '不属于这份自评'}：请在下载的填报表原有的行中填写，不要新增或复制行。` : '这一行没有行标识：不要新增行。');
      continue;
    }
    seenBudget.add(key);
    const label = budget.text(r, colOf(BUDGET_COLUMNS, 'label'));
    if (label !== slot.label) fail(BUDGET_SHEET, r, colOf(BUDGET_COLUMNS, 'label'), `名称被改成了「${label}」，应为「${slot.label}」：请恢复原值。`);
    const entry: BudgetEntry = {};
    for (const field of ['initial', 'adjusted', 'spent'] as const) {
      const c = colOf(BUDGET_COLUMNS, field);
      const v = amountOf(budget, r, c);
      const title = BUDGET_COLUMNS[c - 1]!.title;
      if (v === undefined) fail(BUDGET_SHEET, r, c, `${title}「${budget.text(r, c)}」不是数字：请填写金额数字（单位 ${input.target.amountUnit}，例如 12.34），或留空。`);
      else if (v != null && v < 0) fail(BUDGET_SHEET, r, c, `${title} ${v} 不能为负数。`);
      else entry[field] = v;
    }
    budgets[key] = entry;
  }
  for (const [key, slot] of budgetKeys) if (!seenBudget.has(key)) fail(BUDGET_SHEET, null, null, `缺少「${slot.label}」这一行（行标识 ${key}）：请不要删除行。`);

  if (errors.length) return { ok: false, errors };
  return { ok: true, entries: { indicators, budgets, ...(department ? { goal } : {}) }, rows };
}
