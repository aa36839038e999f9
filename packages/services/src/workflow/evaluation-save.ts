/**
 * What every save of a monitoring report or a self-evaluation runs first (decision 011): the workflow's
 * `checkEvaluationSave` — the report is a draft or returned, its period is not locked, and this person may edit it
 * (role and department). On the API the actor is the signed-in person; the command line and the demo seed have none
 * and act as the operator of the database, for whom the state and the period lock are still checked.
 */
import type { Actor } from '@jixiao/core';
import { checkEvaluationSave } from './evaluation-workflow';
import type { WorkflowStore } from './ports';

/** Who saves: the name kept on the evaluation, and the signed-in person (absent on the command line). */
export interface EvaluationSaver {
  by: string;
  actor?: Actor | null;
}

/** The command line's operator: every role and department, so only the state and the period lock decide. */
export const OPERATOR_ACTOR: Actor = { userId: 0, username: 'cli', displayName: '命令行', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

export async function guardEvaluationSave(deps: { store: { workflow?: WorkflowStore } }, input: { evaluationId: number; actor?: Actor | null }): Promise<void> {
  // Only the demo seed passes a store without the workflow (a fresh draft it has just started).
  if (!deps.store.workflow) return;
  await checkEvaluationSave({ store: { workflow: deps.store.workflow } }, { evaluationId: input.evaluationId, actor: input.actor ?? OPERATOR_ACTOR });
}
