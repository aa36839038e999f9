/** Results use (R11, issue 14 item 1): the table, its workbook, the finance reviewer's decision, last year beside next. */
export { listResultsUse, renderResultsUseWorkbook, type ResultsUseQuery } from './list-results-use';
export { decideResultsUse } from './decide-results-use';
export { lastYearResults } from './last-year-results';
export type { ResultsUseStore, StoredResultsUseDecision, NewResultsUseDecision, OpenRectificationItem, ResultsUseProjectRef } from './ports';
export type { ResultsUseDeps } from './results-rows';
