/**
 * The district table of results use (R11): every project of the year's target documents in scope, with its results,
 * the suggestion for next year's budget and the finance reviewer's decision; and the same table as a workbook
 * (绩效结果应用情况表 .xlsx). Departments see their own (the scope is applied when the documents are listed).
 */
import type { ResultsUseTableDto } from '@jixiao/contract';
import { chinaTime } from '@jixiao/core';
import { writeResultsUseTable } from '@jixiao/formats';
import type { InScope } from '../ports';
import { resultsRows, resultsUseRuleSet, type ResultsUseDeps } from './results-rows';

export interface ResultsUseQuery {
  year: number;
  departmentId?: number;
}

export async function listResultsUse(deps: ResultsUseDeps, query: ResultsUseQuery & InScope): Promise<ResultsUseTableDto> {
  const summaries = await deps.store.documents.listDocuments({ year: query.year, ...(query.departmentId ? { departmentId: query.departmentId } : {}), ...(query.inDepartments ? { inDepartments: query.inDepartments } : {}) });
  // One rule set for the table: the region of its departments (a district's departments share it, 广州市荔湾区…).
  const ruleSet = await resultsUseRuleSet(deps, query.year, summaries[0]?.department ?? null);
  const items = await resultsRows(deps, summaries, ruleSet);
  return {
    year: query.year,
    ruleSet: { ref: items[0]?.suggestion.rule ?? `${ruleSet.id}@${ruleSet.version}`, title: items[0]?.suggestion.ruleTitle ?? ruleSet.name },
    suggestions: ruleSet.settings.suggestions.map((s) => ({ id: s.id, label: s.label, advice: s.advice })),
    items,
  };
}

/** The table as 绩效结果应用情况表 (.xlsx), amounts in 万元. */
export async function renderResultsUseWorkbook(deps: ResultsUseDeps, query: ResultsUseQuery & InScope): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  const table = await listResultsUse(deps, query);
  const department = query.departmentId ? (table.items[0]?.department ?? null) : null;
  const scope = department ?? (query.departmentId ? '所选部门' : query.inDepartments ? '本部门' : '全区');
  const bytes = await writeResultsUseTable({
    year: table.year,
    scope,
    ruleTitle: table.ruleSet.title,
    rows: table.items.map((r) => ({
      department: r.department ?? '',
      unit: r.unit,
      project: r.project,
      budgetWan: r.budgetWan,
      selfEvaluationScore: r.selfEvaluation?.total ?? null,
      selfEvaluationGrade: r.selfEvaluation?.grade ?? null,
      reviewConclusion: r.reviewConclusion,
      evaluationGrade: r.evaluationGrade,
      suggestion: r.suggestion.label ?? '暂无建议',
      state: r.stateLabel,
      decision: r.decision?.label ?? '',
      reason: r.decision?.reason ?? '',
      by: r.decision?.by ?? '',
      at: r.decision ? chinaTime(r.decision.at) : '',
    })),
  });
  return { fileName: `${table.year}年度绩效结果应用情况表（${scope}）.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}
