/**
 * 部门整体收支情况 / 部门整体资金情况 as prose (seeds 001, 003):
 *
 *   全年预算数 8,988.68 万元，执行数 9,016.65 万元，完成预算的 100.31%。按资金来源分，一般公共预算财政拨款支出
 *   7,785.39 万元，……其他资金支出 52.19 万元。按支出性质看，基本支出 2,636.05 万元，项目支出 6,380.6 万元。
 *
 *   2021年年初预算 18,063.39万元，其中一般公共预算 17,959.26万元，……；调整预算数 18,009.98万元，执行数 17626.37万元，
 *   其中一般公共预算支出 17,507.49万元，……。总体支出执行率为 97.87%。
 *
 * Each `label figure 万元` is read in order: a total (年初预算, 全年/调整预算数, 执行数) opens a breakdown, a funding
 * source (一般公共预算, 政府性基金 …) is a part of the last total named (or of 执行数 when its label says 支出), 基本支出 and
 * 项目支出 are the split of spending. Figures are kept as printed — seed 003's sources do not add up to its 执行数 and
 * the review must see that. Anything else stated with an amount goes to `statedFigures` under its label.
 */
import { parseLooseNumber, type AmountUnit, type Budget, type ProblemList } from '@jixiao/core';
import type { Line } from '../../text/lines';
import { joinLines } from './prose';

type Total = 'initial' | 'adjusted' | 'spent' | 'adjustment';

export interface ReportFigures {
  budget: Budget;
  amountUnit: AmountUnit | null;
  statedExecutionRate: number | null;
  statedAdjustmentRate: number | null;
  /** Every amount read, keyed by its label as printed (`基本支出`, `一般公共预算财政拨款支出`, `年末结转和结余`). */
  figures: Record<string, number>;
}

const SOURCE = /一般公共预算|政府性基金|国有资本经营|财政专户|其他资金|其他收入|上级补助|事业收入|经营收入|附属单位|上年结转|单位资金/;
/** A figure with its label: the text since the last punctuation, the number, its unit. */
const FIGURE = /([^，,；;。：:！？\d%]*?)(?:为|是|达到?)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元|%)/g;

function totalOf(label: string): Total | null {
  if (/年初预算/.test(label)) return 'initial';
  if (/全年预算|调整后预算|调整预算数|预算数/.test(label)) return 'adjusted';
  if (/调整数|调整金额/.test(label)) return 'adjustment';
  if (/执行数|实际支出|支出数|决算数/.test(label)) return 'spent';
  return null;
}

/** A source's row name: `一般公共预算支出` and `一般公共预算` are one row. */
function sourceName(label: string): string {
  return label.replace(/^(其中|按资金来源分|分别为|包括)/, '').replace(/支出$/, '');
}

export function readReportFigures(lines: readonly Line[], problems: ProblemList): ReportFigures {
  const joined = joinLines(lines);
  const budget: Budget = { initial: null, adjustment: null, adjusted: null, spent: null, bySource: [] };
  const out: ReportFigures = { budget, amountUnit: null, statedExecutionRate: null, statedAdjustmentRate: null, figures: {} };
  let last: Total | null = null;
  for (const m of joined.text.matchAll(FIGURE)) {
    // `2021年年初预算`: the label cannot hold digits, so a year in front leaves its 年 behind.
    const afterDigit = /\d$/.test(joined.text.slice(0, m.index ?? 0));
    const label = (afterDigit ? (m[1] ?? '').replace(/^年度?/, '') : (m[1] ?? '')).trim().replace(/^(其中|按资金来源分|分别为|包括)/, '');
    const value = parseLooseNumber(m[2]);
    const unit = m[3];
    const line = joined.lineAt(m.index ?? 0);
    if (value === null || label === '') continue;
    if (unit === '%') {
      if (/执行率|完成率|完成预算/.test(label) && out.statedExecutionRate === null) out.statedExecutionRate = value;
      else if (/调整率/.test(label) && out.statedAdjustmentRate === null) out.statedAdjustmentRate = value;
      else out.figures[`${label}（%）`] ??= value;
      continue;
    }
    if (unit === '万元' || unit === '元') {
      if (out.amountUnit === null) out.amountUnit = unit;
      else if (out.amountUnit !== unit) {
        problems.warning('amount-unit-mixed', `「${label}」的金额单位为${unit}，与前文的${out.amountUnit}不同，按原文数字读取，请核对`, { line, field: label });
      }
    }
    out.figures[label] ??= value;
    if (label === '基本支出') {
      budget.basic ??= value;
      continue;
    }
    if (label === '项目支出') {
      budget.project ??= value;
      continue;
    }
    if (SOURCE.test(label)) {
      const field: Total = label.endsWith('支出') ? 'spent' : (last ?? 'spent');
      const name = sourceName(label);
      let row = budget.bySource.find((r) => r.source === name);
      if (!row) {
        row = { source: name, initial: null, adjustment: null, adjusted: null, spent: null, statedExecutionRate: null, statedAdjustmentRate: null };
        budget.bySource.push(row);
      }
      if (row[field] !== null) {
        problems.warning('figure-repeated', `资金来源「${name}」的${FIELD_LABEL[field]}写了两次（${row[field]} 与 ${value}），保留第一次的数字`, { line, field: name });
      } else {
        row[field] = value;
      }
      continue;
    }
    const total = totalOf(label);
    if (total) {
      if (budget[total] === null) budget[total] = value;
      last = total;
    }
  }
  return out;
}

const FIELD_LABEL: Record<Total, string> = { initial: '年初预算数', adjustment: '调整数', adjusted: '全年预算数', spent: '执行数' };
