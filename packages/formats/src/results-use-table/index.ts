/** 绩效结果应用情况表 (R11): the district table of results and next year's budget decisions. */
export { writeResultsUseTable, type ResultsUseTableInput, type ResultsUseTableRow } from './write-xlsx';
