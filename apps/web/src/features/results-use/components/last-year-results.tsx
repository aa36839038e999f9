/**
 * Last year's result beside each project while next year's targets are entered and reviewed (R11): the review page
 * asks `useLastYearResults` once and puts `LastYearNote` under each project; a department's targets get one note for
 * the whole department. Nothing is shown for a project that has no match last year.
 */
import { useMemo } from 'react';
import { useApiQuery } from '../../../lib/query';
import { getLastYearResults, resultsUseKeys, type ResultsUseRowDto } from '../api';
import { lastYearLine } from '../model';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../results-use.css';

export interface LastYearResults {
  year: number | null;
  /** By `unit|project` of this year's document; `*` for a department's whole. */
  byProject: ReadonlyMap<string, ResultsUseRowDto>;
}

export const projectNoteKey = (unit: string | null, project: string | undefined): string => (project === undefined ? '*' : `${unit ?? ''}|${project}`);

export function useLastYearResults(documentId: number): LastYearResults {
  const loaded = useApiQuery(resultsUseKeys.lastYear(documentId), (signal) => getLastYearResults(documentId, signal));
  const { data } = loaded;
  return useMemo(() => {
    const byProject = new Map<string, ResultsUseRowDto>();
    for (const item of data?.items ?? []) {
      if (item.lastYear) byProject.set(item.projectKey === 'd' ? '*' : projectNoteKey(item.unit, item.project), item.lastYear);
    }
    return { year: data?.year ?? null, byProject };
  }, [data]);
}

const CUT = new Set(['improve', 'reduce', 'reduce-or-cancel']);

export function LastYearNote({ results, noteKey }: { results: LastYearResults; noteKey: string }) {
  const row = results.byProject.get(noteKey);
  if (!row || results.year === null) return null;
  const decided = row.decision?.suggestion ?? row.suggestion.suggestion;
  return (
    <div className={`ru-last-year${decided && CUT.has(decided) ? ' cut' : ''}`} aria-label="上年度结果" title={row.decision ? `理由：${row.decision.reason}` : row.suggestion.reasons.join('\n')}>
      {lastYearLine(results.year, row)}
    </div>
  );
}
