/** 项目支出绩效自评表 (.xlsx, 财预〔2020〕10号 附件). It is read by the general reader (`recognise/`). */
export { writeProjectSelfEvaluationTable, type ProjectSelfEvaluationTableInput } from './write-xlsx';
