export { getEvaluationWorkflow, transitionEvaluation, checkEvaluationSave, publishEvaluation, withdrawEvaluationPublication } from './evaluation-workflow';
export { listPeriodLocks, setPeriodLock } from './period-locks';
export type { ActedBy, StoredTransition, StoredTargetWorkflow, StoredEvaluationWorkflow, ListedTargetWorkflow, ListedEvaluationWorkflow, PublishedItem, PublicQuery, WorkflowStore } from './ports';
export { submitEvaluation } from './submit-evaluation';
export { getTargetWorkflow, transitionTarget, publishTargets, withdrawTargetsPublication } from './target-workflow';
export type { ActingInput } from './workflow-common';
export { getTargetChanges } from './target-changes';
