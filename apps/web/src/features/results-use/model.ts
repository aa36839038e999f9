/**
 * What the results-use pages show, as pure functions (tested beside them): the score and grade in words, the state's
 * colour, the filter's default year, and last year's result of a project in one line.
 */
import { chinaTime, formatAmount, sumAmounts } from '@jixiao/core';
import type { ResultsUseRowDto } from './api';

export const STATE_COLORS: Record<ResultsUseRowDto['state'], string> = { suggested: 'gold', confirmed: 'green', adjusted: 'blue' };

/** 「78.50 分 · 中」, 「中」 or 「未评分」. */
export function selfEvaluationText(row: Pick<ResultsUseRowDto, 'selfEvaluation'>): string {
  const s = row.selfEvaluation;
  if (!s || (s.total === null && s.grade === null)) return '未评分';
  return [s.total === null ? null : `${s.total.toFixed(2)} 分`, s.grade].filter(Boolean).join(' · ');
}

/** The suggestion that counts: the decision's when one was made, else the system's. */
export function decidedLabel(row: Pick<ResultsUseRowDto, 'decision' | 'suggestion'>): string {
  return row.decision?.label ?? row.suggestion.label ?? '暂无建议';
}

/** Who decided and when, in Beijing time: 「区财政局审核人 2026-12-04 21:05」. */
export function decidedByText(row: Pick<ResultsUseRowDto, 'decision'>): string {
  return row.decision ? `${row.decision.by} ${chinaTime(row.decision.at)}` : '';
}

/** The working year chosen in the header, else the latest year any department has documents for (null: none yet). */
export function defaultResultsYear(workYear: number | undefined, years: readonly number[]): number | null {
  return workYear ?? (years.length ? Math.max(...years) : null);
}

/** Last year's result of a project beside next year's targets: 「2024 年度 自评 78.50 分 · 中 · 已确认：改进，可适当压减」. */
export function lastYearLine(year: number, row: ResultsUseRowDto): string {
  const results = [row.selfEvaluation ? `自评 ${selfEvaluationText(row)}` : null, row.reviewConclusion ? `审核结论 ${row.reviewConclusion}` : null].filter(Boolean).join('，');
  const decision = row.decision ? `财政${row.stateLabel}：${row.decision.label}` : row.suggestion.label ? `建议：${row.suggestion.label}（待财政确认）` : '暂无建议';
  return `${year} 年度${results ? ` ${results}` : ''} · ${decision}`;
}

/** The reason under a suggestion in the table: the only one, or the one saying which of several results decided it. */
export function mainReason(row: Pick<ResultsUseRowDto, 'suggestion'>): string {
  const { reasons } = row.suggestion;
  return (reasons.length > 1 ? reasons.at(-1) : reasons[0]) ?? '';
}

/** The table's line of totals: 「24 个项目，预算合计 1,249.38 万元；已确认 1 · 已调整 0 · 待确认 23」 (amounts added through fen). */
export function totalsText(rows: readonly Pick<ResultsUseRowDto, 'budgetWan' | 'state'>[]): string {
  const count = (state: ResultsUseRowDto['state']) => rows.filter((r) => r.state === state).length;
  return `${rows.length} 个项目，预算合计 ${formatAmount(sumAmounts(rows.map((r) => r.budgetWan), '万元'))} 万元；已确认 ${count('confirmed')} · 已调整 ${count('adjusted')} · 待确认 ${count('suggested')}`;
}
