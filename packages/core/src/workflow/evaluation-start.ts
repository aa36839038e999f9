/**
 * May a monitoring report or a self-evaluation be started on this document (rules.md R9: an approved target is
 * frozen and self-evaluation reads the approved version; R10 monitors against the same targets)? Targets entered in
 * jixiao (`project-targets`, `department-targets`) must have been approved (批复) at least once: measuring progress
 * against a draft nobody approved gives figures nobody can rely on. A self-evaluation table imported as such (the
 * unit's own filled 自评表, seeds 001, 003, 004) is its own evidence and starts as it stands.
 */
import type { DocumentKind } from '../document/model';
import { EVALUATION_KIND_LABELS, type EvaluationWorkflowKind } from './evaluation-workflow';
import { refuse, type Refusal } from './refusal';
import { TARGET_STATUS_LABELS, type TargetStatus } from './target-workflow';

export interface EvaluationStartFacts {
  kind: EvaluationWorkflowKind;
  documentKind: DocumentKind;
  /** The target document's workflow now. */
  targetStatus: TargetStatus;
  approvedVersion: number | null;
}

const TARGET_KINDS: readonly DocumentKind[] = ['project-targets', 'department-targets'];

/** Documents whose monitoring and self-evaluation wait for an approval. */
export const needsApprovalBeforeEvaluation = (documentKind: DocumentKind): boolean => TARGET_KINDS.includes(documentKind);

export function decideEvaluationStart(facts: EvaluationStartFacts): { ok: true } | Refusal {
  if (!needsApprovalBeforeEvaluation(facts.documentKind) || facts.approvedVersion !== null) return { ok: true };
  const what = EVALUATION_KIND_LABELS[facts.kind];
  return refuse(
    'CONFLICT',
    `这份绩效目标尚未批复（当前为「${TARGET_STATUS_LABELS[facts.targetStatus]}」），不能开始${what}：${what}以财政批复的绩效目标为准。请先提交单位负责人审批、报送财政审核，批复后再开始${what}。`,
  );
}
