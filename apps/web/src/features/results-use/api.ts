import {
  lastYearResultsDtoSchema,
  resultsUseRowDtoSchema,
  resultsUseTableDtoSchema,
  type LastYearResultsDto,
  type ResultsUseDecisionRequest,
  type ResultsUseRowDto,
  type ResultsUseTableDto,
} from '@jixiao/contract';
import { getJson, sendJson, withQuery } from '../../lib/http';

export type { LastYearResultsDto, ResultsUseRowDto, ResultsUseTableDto };

export interface ResultsUseFilter {
  year: number;
  departmentId?: number | undefined;
}

export function getResultsUse(filter: ResultsUseFilter, signal?: AbortSignal): Promise<ResultsUseTableDto> {
  return getJson(resultsUseTableDtoSchema, '/api/results-use', { year: filter.year, departmentId: filter.departmentId }, signal);
}

export function decideResultsUse(body: ResultsUseDecisionRequest): Promise<ResultsUseRowDto> {
  return sendJson(resultsUseRowDtoSchema, 'POST', '/api/results-use/decisions', body);
}

export function getLastYearResults(documentId: number, signal?: AbortSignal): Promise<LastYearResultsDto> {
  return getJson(lastYearResultsDtoSchema, `/api/documents/${documentId}/last-year-results`, {}, signal);
}

/** The 绩效结果应用情况表 of the filter (the server applies the person's departments). */
export function resultsUseWorkbookUrl(filter: ResultsUseFilter): string {
  return withQuery('/api/results-use/table.xlsx', { year: filter.year, departmentId: filter.departmentId });
}

/** Query keys of results use (decision 018). */
export const resultsUseKeys = {
  all: ['results-use'] as const,
  table: (filter: ResultsUseFilter) => ['results-use', 'table', filter] as const,
  lastYear: (documentId: number) => ['results-use', 'last-year', documentId] as const,
};
