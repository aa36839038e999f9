/**
 * Submits a self-evaluation through the workflow (decision 011): refused (BAD_INPUT) with the Chinese list of what
 * the core's scoring still cannot score — an indicator without an actual or a tier, an actual it refuses, an
 * overrun without its explanation (R3), a budget line without its figures, a department's 年度目标 without a tier —
 * otherwise `transitionEvaluation` submits it (history row, period lock, audit entry) on the revision that was
 * checked, and the score is kept with the rule set `id@version` that produced it.
 */
import type { SelfEvaluationDto } from '@jixiao/contract';
import type { IndicatorScore, SelfEvaluationScore } from '@jixiao/core';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { auditEvaluation } from '../workflow/evaluation-save';
import { checkEvaluationTransition, transitionEvaluationIn } from '../workflow/evaluation-workflow';
import type { ActingInput } from '../workflow/workflow-common';
import { keepScoreIn } from './keep-self-evaluation-score';
import { loadSelfEvaluation, toSelfEvaluationDto } from './self-evaluation-state';

export interface IncompleteLine {
  label: string;
  missing: string;
}

function indicatorGap(label: string, r: IndicatorScore): IncompleteLine | null {
  if (r.status === 'pending' || r.status === 'invalid') return { label, missing: r.reasons.at(-1) ?? '尚未填写' };
  if (r.needsExplanation) return { label, missing: '超额完成，须填写偏差原因' };
  return null;
}

/** What keeps a self-evaluation from being submitted, in the order of the form. */
export function incompleteSelfEvaluation(score: SelfEvaluationScore): IncompleteLine[] {
  const out: IncompleteLine[] = [];
  const push = (line: IncompleteLine | null) => line && out.push(line);
  if (score.scope === 'project') {
    for (const p of score.projects) {
      if (p.score.execution.score == null) push({ label: `「${p.project}」预算执行`, missing: p.score.execution.reasons.at(-1) ?? '缺全年预算数或执行数' });
      for (const l of p.score.lines) push(indicatorGap(`「${p.project}」指标「${l.name}」`, l.result));
    }
    return out;
  }
  const d = score.department;
  if (d.spendingProgress.score == null) push({ label: '部门支出进度', missing: d.spendingProgress.reasons.at(-1) ?? '缺全年预算数或执行数' });
  push(indicatorGap('年度目标', d.annualGoal));
  for (const t of d.tasks) for (const l of t.lines) push(indicatorGap(`「${t.name}」指标「${l.name}」`, l.result));
  return out;
}

export function describeIncompleteSelfEvaluation(lines: readonly IncompleteLine[], max = 5): string {
  const shown = lines.slice(0, max).map((l) => `${l.label}：${l.missing}`);
  return shown.join('；') + (lines.length > max ? `；另有 ${lines.length - max} 项未列出` : '');
}

/**
 * Scored and checked before the transaction, on the revision the person saw; then, in one transaction, the
 * transition (refused under the row lock if a save landed in between), the score kept on the submitted revision (the
 * same entries) and both audit entries (the workflow's and the self-evaluation's with its score).
 */
export async function submitSelfEvaluation(deps: CommandDeps, who: ActingInput, input: { id: number; baseRevision: number }): Promise<SelfEvaluationDto> {
  const state = await loadSelfEvaluation(deps, input.id);
  await checkEvaluationTransition(deps, { evaluationId: input.id, actor: who.actor, action: 'submit' });
  const e = state.evaluation;
  if (e.revision !== input.baseRevision) {
    throw new AppError('CONFLICT', `提交未成功：这份绩效自评已由 ${e.updatedBy} 于 ${e.updatedAt} 修改（第 ${e.revision} 版），你看到的是第 ${input.baseRevision} 版。请重新载入后再提交。`, {
      revision: e.revision,
      updatedBy: e.updatedBy,
      updatedAt: e.updatedAt,
    });
  }
  const incomplete = incompleteSelfEvaluation(state.score);
  if (incomplete.length > 0) {
    throw new AppError('BAD_INPUT', `还不能提交：${incomplete.length} 项尚未填完——${describeIncompleteSelfEvaluation(incomplete)}。`, { incomplete });
  }
  await deps.store.transaction(async (tx) => {
    await transitionEvaluationIn(tx, who, { evaluationId: input.id, action: 'submit', baseRevision: input.baseRevision });
    const after = await tx.evaluations.getEvaluation(input.id);
    const score = await keepScoreIn(tx, { ...state, evaluation: after }, who.actor.displayName);
    await auditEvaluation(tx, who, { verb: 'submit', before: state.evaluation, after, score });
  });
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, input.id));
}
