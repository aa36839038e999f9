/** 部门整体支出绩效自评报告: seeds 001/003's extracted text read, and the report written as .docx. */
export { departmentSelfEvaluationReport } from './read-text';
export { writeSelfEvaluationReport, type SelfEvaluationReportInput } from './write-docx';
