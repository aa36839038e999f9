/** What other features may use of the workflow (decision 011): the panels their pages show, and the stale-save warning. */
export { STATUS_COLORS as TARGET_STATUS_COLORS, workflowKeys, type EvaluationWorkflowDto } from './api';
export { EvaluationWorkflowPanel } from './components/evaluation-workflow-panel';
export { StaleSaveAlert } from './components/stale-save-alert';
export { WorkflowPanel } from './components/workflow-panel';
export { evaluationStartRefusal } from './evaluation-start';
