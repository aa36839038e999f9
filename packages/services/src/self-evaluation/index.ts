export { getSelfEvaluation, listSelfEvaluations } from './get-self-evaluation';
export { scoreSelfEvaluationNow, keepSelfEvaluationScore, listSelfEvaluationScores } from './keep-self-evaluation-score';
export { scoreDepartmentDocument, renderSelfEvaluationReport } from './render-self-evaluation-report';
export { renderSelfEvaluationTable } from './render-self-evaluation-table';
export { saveSelfEvaluationEntries, saveSelfEvaluationReport } from './save-self-evaluation';
export { renderSelfEvaluationFile, importActualsWorkbook } from './self-evaluation-files';
export type { SelfEvaluationFileFormat } from './self-evaluation-files';
export { startSelfEvaluation } from './start-self-evaluation';
export { submitSelfEvaluation } from './submit-self-evaluation';
