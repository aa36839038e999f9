/** 部门整体支出绩效自评表: seed 004's extracted text read, and the table written as .xlsx. */
export { departmentSelfEvaluationTable } from './read-text';
export { writeDepartmentSelfEvaluationTable, type DepartmentSelfEvaluationTableInput } from './write-xlsx';
