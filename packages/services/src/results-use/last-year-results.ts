/**
 * Last year's results beside next year's targets (R11): for each project of a year N+1 target document, the project
 * of year N in the same department and unit (core `matchLastYear`: by code, else by name) with its self-evaluation
 * grade and score, review conclusion, suggestion and the finance reviewer's decision. Shown on the review page while
 * the new targets are entered and reviewed.
 */
import type { LastYearResultsDto } from '@jixiao/contract';
import { matchLastYear } from '@jixiao/core';
import { projectLines, resultsRows, resultsUseRuleSet, type ResultsUseDeps } from './results-rows';

export async function lastYearResults(deps: ResultsUseDeps, input: { documentId: number }): Promise<LastYearResultsDto> {
  const { summary, document } = await deps.store.documents.getDocument(input.documentId);
  const year = summary.year ?? document.year;
  const lines = projectLines(document, summary.department);
  if (year === null || summary.departmentId === null) return { year: null, items: lines.map((l) => ({ projectKey: l.key, unit: l.unit, project: l.project, lastYear: null })) };
  const previous = (await deps.store.documents.listDocuments({ departmentId: summary.departmentId, year: year - 1 })).filter((d) => d.kind === summary.kind);
  const ruleSet = await resultsUseRuleSet(deps, year - 1, summary.department);
  const rows = await resultsRows(deps, previous, ruleSet);
  return {
    year: year - 1,
    items: lines.map((l) => ({ projectKey: l.key, unit: l.unit, project: l.project, lastYear: matchLastYear({ unit: l.unit, project: l.project, code: l.code }, rows) })),
  };
}
