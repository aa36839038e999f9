/**
 * What every change to a monitoring report or a self-evaluation shares (decisions 010, 011): the workflow's
 * `checkEvaluationSave` before any save — the report is a draft or returned, its period is not locked, and this
 * person may edit it (role and department); and the audit entry with the evaluation as it was before and after
 * (entries, report, status, revision), written in the same transaction as the change. On the API the actor is the
 * signed-in person; the command line and the demo seed have none and act as the operator of the database, for whom
 * the state and the period lock are still checked.
 */
import type { Actor } from '@jixiao/core';
import { recordChange, type ChangeContext } from '../access/audit';
import type { StoredEvaluation, StoredEvaluationScore } from '../ports';
import type { CommandDeps, Repositories } from '../unit-of-work';
import { checkEvaluationSave } from './evaluation-workflow';

/** The command line's operator: every role and department, so only the state and the period lock decide. */
export const OPERATOR_ACTOR: Actor = { userId: 0, username: 'cli', displayName: '命令行', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

/** Throws FORBIDDEN / CONFLICT unless `who` may save the evaluation now. */
export async function guardEvaluationSave(tx: Pick<Repositories, 'workflow'>, who: ChangeContext, evaluationId: number): Promise<void> {
  await checkEvaluationSave({ store: tx }, { evaluationId, actor: who.actor ?? OPERATOR_ACTOR });
}

const snapshot = (e: StoredEvaluation | null) =>
  e && { kind: e.kind, period: e.period, documentId: e.documentId, targetVersion: e.targetVersion, status: e.status, revision: e.revision, entries: e.entries, report: e.report };

/** `monitoring.save`, `self-evaluation.keep-score` …: the evaluation before and after, and the score a change kept. */
export async function auditEvaluation(
  tx: Repositories,
  who: ChangeContext,
  change: { verb: string; before: StoredEvaluation | null; after: StoredEvaluation; score?: StoredEvaluationScore },
): Promise<void> {
  const { after, score } = change;
  await recordChange(tx.audit, who, {
    action: `${after.kind}.${change.verb}`,
    objectType: 'evaluation',
    objectId: after.id,
    before: snapshot(change.before),
    after: score ? { ...snapshot(after), score: { total: score.total, grade: score.grade, ruleSet: score.ruleSet } } : snapshot(after),
  });
}

/**
 * A save of an existing evaluation as one change: in one transaction, the evaluation as it is (`expect` refuses one
 * of the wrong kind), the workflow's save check, `write` (which throws to refuse), and the audit entry `<kind>.<verb>`.
 */
export async function saveEvaluationChange(
  deps: CommandDeps,
  who: ChangeContext,
  input: { evaluationId: number; verb: string; expect?: (evaluation: StoredEvaluation) => void },
  write: (tx: Repositories, before: StoredEvaluation) => Promise<void>,
): Promise<StoredEvaluation> {
  return deps.store.transaction(async (tx) => {
    const before = await tx.evaluations.getEvaluation(input.evaluationId);
    input.expect?.(before);
    await guardEvaluationSave(tx, who, input.evaluationId);
    await write(tx, before);
    const after = await tx.evaluations.getEvaluation(input.evaluationId);
    await auditEvaluation(tx, who, { verb: input.verb, before, after });
    return after;
  });
}
