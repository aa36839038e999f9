/**
 * `jixiao score --text`: the score as a finance officer reads it — the rule set and why, the budget table by
 * funding source with recomputed and stated rates side by side, each part's score, and every stated figure the rule
 * does not give.
 */
import { formatAmount, type BudgetTableLine, type DepartmentScore, type ProjectScore } from '@jixiao/core';

interface ScoreOutput {
  document: { kind: string; department: string | null; year: number | null; amountUnit: string };
  ruleSet: string;
  ruleSetName: string;
  ruleSetReason: string;
  statedScore?: number | null;
  statedGrade?: string | null;
  budgetTable?: BudgetTableLine[];
  score?: DepartmentScore;
  projects?: Array<{ unit: string; project: string; statedScore: number | null; statedGrade: string | null; budgetTable: BudgetTableLine[]; score: ProjectScore }>;
}

const rate = (r: number | null) => (r == null ? '—' : `${r.toFixed(2)}%`);
const stated = (r: number | null, differs: boolean) => (r == null ? '' : `（写明 ${rate(r)}${differs ? '，不一致' : ''}）`);
const points = (n: number | null | undefined) => (n == null ? '—' : String(n));

export function formatBudgetTable(lines: readonly BudgetTableLine[], unit: string): string[] {
  if (lines.length === 0) return ['  预算表：文档没有预算数据'];
  const out = [`  预算表（${unit}）：资金来源 | 年初预算数 | 调整数 | 全年预算数 | 全年执行数 | 执行率（执行数/全年预算数） | 调整率（调整数/年初预算数）`];
  for (const l of lines) {
    out.push(
      `    ${l.source} | ${formatAmount(l.initial)} | ${formatAmount(l.adjustment)} | ${formatAmount(l.adjusted)} | ${formatAmount(l.spent)} | ${rate(l.executionRate)}${stated(l.statedExecutionRate, l.executionRateDiffers)} | ${rate(l.adjustmentRate)}${stated(l.statedAdjustmentRate, l.adjustmentRateDiffers)}`,
    );
  }
  return out;
}

export function formatScoreText(r: ScoreOutput): string {
  const d = r.document;
  const out = [`${d.department ?? '（未写部门）'} ${d.year ?? ''}年度 ${d.kind === 'department-self-evaluation' ? '部门整体支出绩效自评' : '项目支出绩效自评'}`];
  out.push(`规则集：${r.ruleSet} ${r.ruleSetName}（${r.ruleSetReason}）`);
  if (r.score) {
    const s = r.score;
    out.push(...formatBudgetTable(r.budgetTable ?? [], d.amountUnit));
    out.push(`  部门支出进度：${points(s.spendingProgress.score)} / ${s.spendingProgress.weight} 分（${s.spendingProgress.reasons.join('；')}）`);
    if (s.annualGoal.weight > 0) out.push(`  年度目标：${points(s.annualGoal.score)} / ${s.annualGoal.weight} 分（${s.annualGoal.reasons.join('；')}）`);
    for (const t of s.tasks) out.push(`  ${t.name}：${points(t.score)} / ${points(t.weight)} 分${t.statedScore != null ? `（写明 ${t.statedScore}）` : ''}`);
    out.push(`  总分：${points(s.total)}${s.grade ? `（${s.grade}）` : ''}；写明 ${points(r.statedScore)}${r.statedGrade ? `（${r.statedGrade}）` : ''}`);
    for (const n of s.notes) out.push(`  提示：${n}`);
    for (const x of s.differences) out.push(`  不一致：${x}`);
  }
  for (const p of r.projects ?? []) {
    const s = p.score;
    out.push(`项目「${p.project}」（${p.unit}）`);
    out.push(...formatBudgetTable(p.budgetTable, d.amountUnit));
    out.push(`  预算执行：${points(s.execution.score)} / ${s.execution.weight} 分（${s.execution.reasons.join('；')}）`);
    for (const l of s.lines) out.push(`  ${l.no}. ${l.name}：${points(l.result.score)} / ${l.weight} 分（${l.result.reasons.join('；')}）`);
    const total = s.cappedTotal ?? s.total;
    out.push(`  总分：${points(total)}${s.grade ? `（${s.grade}）` : ''}；写明 ${points(p.statedScore)}${p.statedGrade ? `（${p.statedGrade}）` : ''}`);
    for (const n of s.notes) out.push(`  提示：${n}`);
    for (const x of s.differences) out.push(`  不一致：${x.message}`);
  }
  return `${out.join('\n')}\n`;
}
