import type { Indicator, Target } from '../../document/model';
import { formatAmount } from '../../money/amount';
import { normalizeForCompare } from '../facts';
import { compareSum } from '../tolerance';
import type { Check } from './check';

/**
 * 勾稽: the same thing stated twice in one document with different values — an indicator in the body and in
 * 附件1 with different targets, a key task's funds in two tables, a project's amount in a task's project list and
 * in the project table, the same indicator twice in one project.
 */
export const targetConflict: Check = {
  id: 'target-conflict',
  dimension: 'consistency',
  run(ctx) {
    const doc = ctx.doc;
    const unit = doc.amountUnit;
    const bodyIndicators = new Map((doc.indicators ?? []).map((i) => [normalizeForCompare(i.name), i]));
    for (const restatement of doc.restatements ?? []) {
      for (const other of restatement.indicators ?? []) {
        const body = bodyIndicators.get(normalizeForCompare(other.name));
        if (!body || sameTarget(body.annualTarget, other.annualTarget)) continue;
        ctx.report({
          check: 'target-conflict',
          dimension: 'consistency',
          location: { indicator: body.no, indicatorName: body.name, field: '指标值' },
          message: `指标「${body.name}」在正文中的目标值为${quote(body.annualTarget)}，在「${restatement.source}」中为${quote(other.annualTarget)}，两处不一致。`,
          suggestion: '核对后统一两处的指标值，以批复的绩效目标表为准。',
          evidence: `正文${quote(body.annualTarget)}；${restatement.source}${quote(other.annualTarget)}`,
        });
      }
      const bodyTasks = doc.keyTasks ?? [];
      (restatement.keyTasks ?? []).forEach((other, i) => {
        const body = bodyTasks.find((t) => normalizeForCompare(t.name) === normalizeForCompare(other.name)) ?? bodyTasks[i];
        if (!body || body.funds == null || other.funds == null) return;
        if (compareSum([body.funds], other.funds, unit).withinRounding) return;
        ctx.report({
          check: 'target-conflict',
          dimension: 'consistency',
          location: { keyTask: body.name, field: '拟投入资金' },
          message: `任务「${body.name}」的资金在正文中为 ${formatAmount(body.funds)} ${unit}，在「${restatement.source}」中为 ${formatAmount(other.funds)} ${unit}。`,
          suggestion: '核对后统一两处的金额。',
          evidence: `正文 ${formatAmount(body.funds)}；${restatement.source} ${formatAmount(other.funds)}`,
        });
      });
    }

    // Several projects may share a name (seed 000: two 社区办公经费 of 40.00 and 24.52), so a line conflicts only
    // when no project of that name has its amount.
    const projectAmounts = new Map<string, number[]>();
    for (const { project } of ctx.projects) {
      if (project.amount == null) continue;
      const key = normalizeForCompare(project.name);
      projectAmounts.set(key, [...(projectAmounts.get(key) ?? []), project.amount]);
    }
    for (const task of doc.keyTasks ?? []) {
      for (const line of task.projectLines ?? []) {
        const amounts = projectAmounts.get(normalizeForCompare(line.name));
        if (!amounts || line.amount == null) continue;
        const lineAmount = line.amount;
        if (amounts.some((a) => compareSum([lineAmount], a, unit).withinRounding)) continue;
        const amount = amounts[0]!;
        ctx.report({
          check: 'target-conflict',
          dimension: 'consistency',
          location: { keyTask: task.name, project: line.name, field: '项目金额' },
          message: `项目「${line.name}」在任务「${task.name}」的项目表中为 ${formatAmount(line.amount)} ${unit}，在项目支出绩效目标表中为 ${formatAmount(amount)} ${unit}。`,
          suggestion: '核对后统一项目金额。',
          evidence: `任务项目表 ${formatAmount(line.amount)}；项目表 ${formatAmount(amount)}`,
        });
      }
    }

    for (const { unit: u, project } of ctx.projects) {
      const seen = new Map<string, Indicator>();
      for (const indicator of project.indicators) {
        const key = normalizeForCompare(indicator.name);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, indicator);
          continue;
        }
        if (sameTarget(first.annualTarget, indicator.annualTarget)) continue;
        ctx.report({
          check: 'target-conflict',
          dimension: 'consistency',
          location: { unit: u.name, project: project.name, indicator: indicator.no, indicatorName: indicator.name, field: '指标值' },
          message: `项目「${project.name}」中指标「${indicator.name}」出现两次，目标值不同：第 ${first.no} 个为${quote(first.annualTarget)}，第 ${indicator.no} 个为${quote(indicator.annualTarget)}。`,
          suggestion: '删去重复的指标，或改名区分两者各自考核的内容。',
          evidence: `${quote(first.annualTarget)}；${quote(indicator.annualTarget)}`,
        });
      }
    }
  },
};

function sameTarget(a: Target | null, b: Target | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'quantitative' && b.kind === 'quantitative') return a.op === b.op && a.value === b.value && a.unit === b.unit;
  return normalizeForCompare(a.text) === normalizeForCompare(b.text);
}

function quote(t: Target | null): string {
  return t ? `「${t.text}」` : '（空）';
}
