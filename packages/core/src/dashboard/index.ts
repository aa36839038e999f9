export { executionByDepartment, inWan, rateOf, timeProgressOf } from './execution';
export type { DepartmentExecution, ExecutionReport } from './execution';
export { checkFrequencies, conclusionCounts, CONCLUSIONS, countsByDepartment, LIGHT_KEYS } from './counts';
export type { CheckFrequency, Conclusion, DepartmentCounts, LightKey } from './counts';
export { scoresByDepartmentAndYear } from './year-on-year';
export type { DepartmentYearScore, ScoredEvaluation } from './year-on-year';
