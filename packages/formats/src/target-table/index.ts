/** 绩效目标表 of an approved target document (seed 000's 附件1 and 附表2): the grid both writers share, the .xlsx and the .docx. */
export type { TargetTableInput, TargetApproval } from './rows';
export { writeTargetTable } from './write-xlsx';
export { writeTargetTableDocx, targetTableSections } from './write-docx';
