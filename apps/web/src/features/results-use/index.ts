/** What other features may use of results use (R11): last year's result beside a project of next year's targets. */
export { LastYearNote, projectNoteKey, useLastYearResults, type LastYearResults } from './components/last-year-results';
