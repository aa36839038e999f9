/**
 * Scores a self-evaluation and keeps the score (append-only) with the rule set `id@version` that produced it and
 * the evaluation revision it scored — so "which rules gave 87.5?" always has an answer, and scoring again with the
 * same old version gives the same result after a newer rule set is activated (decision 003).
 */
import type { KeptScoreDto } from '@jixiao/contract';
import type { SelfEvaluationScore } from '@jixiao/core';
import { changedBy, type ChangeContext } from '../access/audit';
import type { StoredEvaluationScore } from '../ports';
import type { CommandDeps, Repositories } from '../unit-of-work';
import { auditEvaluation } from '../workflow/evaluation-save';
import { requireBy } from './save-self-evaluation';
import { keptScoreDto, loadSelfEvaluation, type SelfEvaluationDeps, type SelfEvaluationState } from './self-evaluation-state';

/** The score of the evaluation as it stands, with the active rule set or the named `id@version`; nothing is stored. */
export async function scoreSelfEvaluationNow(deps: SelfEvaluationDeps, input: { id: number; ruleSet?: string }): Promise<SelfEvaluationScore> {
  return (await loadSelfEvaluation(deps, input.id, input.ruleSet)).score;
}

/** Scored before the transaction (scoring is the slow part); the kept score and its audit entry are one write. */
export async function keepSelfEvaluationScore(deps: CommandDeps, who: ChangeContext, input: { id: number; ruleSet?: string; by?: string }): Promise<KeptScoreDto> {
  const by = requireBy(input.by ?? changedBy(who));
  const state = await loadSelfEvaluation(deps, input.id, input.ruleSet);
  const kept = await deps.store.transaction(async (tx) => {
    const score = await keepScoreIn(tx, state, by);
    await auditEvaluation(tx, who, { verb: 'keep-score', before: state.evaluation, after: state.evaluation, score });
    return score;
  });
  return keptScoreDto(kept);
}

/** Keeps `state`'s score on a transaction's repositories (a submit keeps its score in its own transaction). */
export function keepScoreIn(tx: Pick<Repositories, 'evaluations'>, state: SelfEvaluationState, by: string): Promise<StoredEvaluationScore> {
  return tx.evaluations.saveScore({
    evaluationId: state.evaluation.id,
    evaluationRevision: state.evaluation.revision,
    ruleSet: { id: state.ruleSet.id, version: state.ruleSet.version },
    total: state.score.total,
    grade: state.score.grade,
    result: state.score,
    scoredBy: by,
  });
}

export async function listSelfEvaluationScores(deps: SelfEvaluationDeps, input: { id: number }): Promise<KeptScoreDto[]> {
  await loadSelfEvaluation(deps, input.id);
  return (await deps.store.evaluations.listScores(input.id)).map(keptScoreDto);
}
