/**
 * 数据看板, self-evaluation scores by department and year with the change from the year before (core
 * `scoresByDepartmentAndYear`): the latest kept score of each self-evaluation (系统评分, keep-self-evaluation-score.ts),
 * and the totals an imported 自评表 states (自评表填报) — a department's table states one, a project table one per
 * project. Two reads: the kept scores, and the self-evaluation documents of the year and the year before.
 */
import type { ScoreRowDto } from '@jixiao/contract/dashboard';
import { roundHalfUp, scoresByDepartmentAndYear, type ScoredEvaluation } from '@jixiao/core';
import { projectIdOf } from './budget-execution';
import type { DashboardFilter, DashboardQueries } from './ports';

/** Imported self-evaluation documents read for the chart, at most (each year). */
const DOCUMENTS_AT_MOST = 1000;

interface Scored extends ScoredEvaluation {
  label: string;
  source: string;
  documentId: number;
  evaluationId: number | null;
  projectId: number | null;
}

export async function selfEvaluationScores(deps: { store: { dashboard: DashboardQueries } }, filter: DashboardFilter, year: number): Promise<ScoreRowDto[]> {
  const years = [year - 1, year];
  const [kept, documents] = await Promise.all([
    deps.store.dashboard.keptScores({ ...filter, years }),
    deps.store.dashboard.dashboardDocuments({ ...filter, years, kinds: ['project-self-evaluation', 'department-self-evaluation'], limit: DOCUMENTS_AT_MOST }),
  ]);
  const scored: Scored[] = kept.map((k) => ({ ...k, label: k.title, source: '系统评分', projectId: null }));
  for (const d of documents.items) {
    const base = { departmentId: d.departmentId, department: d.department, year: d.year, documentId: d.id, evaluationId: null, source: '自评表填报' };
    if (d.kind === 'department-self-evaluation') {
      if (d.document.statedScore != null || d.document.statedGrade) scored.push({ ...base, label: d.title, total: d.document.statedScore ?? null, grade: d.document.statedGrade ?? null, projectId: null });
      continue;
    }
    for (const unit of d.document.units) {
      for (const p of unit.projects) {
        if (p.statedScore == null && !p.statedGrade) continue;
        scored.push({ ...base, label: p.name, total: p.statedScore ?? null, grade: p.statedGrade ?? null, projectId: projectIdOf(d.projects, unit.name, p.name) });
      }
    }
  }

  if (filter.departmentId === undefined) {
    return scoresByDepartmentAndYear(scored)
      .filter((s) => s.year === year)
      .map((s) => ({
        key: `d-${s.departmentId}`,
        label: s.department,
        departmentId: s.departmentId,
        projectId: null,
        documentId: null,
        evaluationId: null,
        year: s.year,
        count: s.count,
        average: s.average,
        grade: s.grade,
        previous: s.previous,
        change: s.change,
        source: [...new Set(scored.filter((x) => x.departmentId === s.departmentId && x.year === year).map((x) => x.source))].join('、'),
      }));
  }
  // One department: each scored project or document of the year, beside the department's average of the year before.
  const [summary] = scoresByDepartmentAndYear(scored).filter((s) => s.year === year);
  return scored
    .filter((s) => s.year === year)
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1))
    .map((s, i) => ({
      key: `s-${i}`,
      label: s.label,
      departmentId: s.departmentId,
      projectId: s.projectId,
      documentId: s.documentId,
      evaluationId: s.evaluationId,
      year: s.year,
      count: 1,
      average: s.total,
      grade: s.grade,
      previous: summary?.previous ?? null,
      change: s.total != null && summary?.previous != null ? roundHalfUp(s.total - summary.previous, 2) : null,
      source: s.source,
    }));
}
