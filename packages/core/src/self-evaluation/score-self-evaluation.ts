/**
 * Scores a self-evaluation document (the targets with the entries applied) with one rule set: each project by R7
 * (`scoreProject`), or the department by R8 (`scoreDepartment`, with the 年度目标 tier from the entries). The same
 * function runs on the server (kept scores) and in the browser (live scores while actuals are typed).
 */
import type { PerformanceDocument } from '../document/model';
import { ruleSetRef, ruleSetTitle, type RuleSet } from '../rules/rule-set';
import { scoreDepartment, type DepartmentScore } from '../scoring/score-department';
import { scoreProject, type ProjectScore } from '../scoring/score-project';
import type { DepartmentScoringSettings, ProjectScoringSettings } from '../scoring/settings';
import { scopeOf, scoredTasks, type GoalEntry } from './entries';

export interface ProjectEvaluationScore {
  /** The budget key of the project (`u0.p3`). */
  key: string;
  unit: string;
  project: string;
  score: ProjectScore;
}

export type SelfEvaluationScore =
  | { scope: 'project'; rule: string; ruleTitle: string; projects: ProjectEvaluationScore[]; total: number | null; grade: string | null }
  | { scope: 'department'; rule: string; ruleTitle: string; department: DepartmentScore; total: number | null; grade: string | null };

/** The final total of a project (after a local cap, when one applied). */
export const projectTotal = (s: ProjectScore): number | null => s.cappedTotal ?? s.total;

export function scoreSelfEvaluation(doc: PerformanceDocument, goal: GoalEntry | null | undefined, ruleSet: RuleSet<unknown>): SelfEvaluationScore {
  const rule = ruleSetRef(ruleSet);
  const ruleTitle = ruleSetTitle(ruleSet);
  if (scopeOf(doc) === 'project') {
    const projects = doc.units.flatMap((unit, u) =>
      unit.projects.map((project, p) => ({
        key: `u${u}.p${p}`,
        unit: unit.name,
        project: project.name,
        score: scoreProject(project, project.budget ?? { initial: project.amount, adjustment: null, spent: null }, doc.amountUnit, ruleSet as RuleSet<ProjectScoringSettings>),
      })),
    );
    // A document of one project has that project's total; several projects are each scored and graded on their own.
    const only = projects.length === 1 ? projects[0]!.score : null;
    return { scope: 'project', rule, ruleTitle, projects, total: only ? projectTotal(only) : null, grade: only?.grade ?? null };
  }
  const budget = doc.budget ?? { initial: null, adjustment: null, adjusted: null, spent: null, bySource: [] };
  const department = scoreDepartment(
    {
      budget,
      goalTier: goal?.tier ?? null,
      goalScore: goal?.score ?? null,
      keyTasks: scoredTasks(doc),
      statedScore: doc.statedScore ?? null,
      statedKeyTasksScore: doc.profile?.statedFigures?.['年度主要支出计划得分'] ?? null,
    },
    doc.amountUnit,
    ruleSet as RuleSet<DepartmentScoringSettings>,
  );
  return { scope: 'department', rule, ruleTitle, department, total: department.total, grade: department.grade };
}

/** The rule scheme a document's self-evaluation is scored under. */
export function schemeOfEvaluation(doc: Pick<PerformanceDocument, 'kind'>): 'project-self-evaluation' | 'department-self-evaluation' {
  return scopeOf(doc) === 'project' ? 'project-self-evaluation' : 'department-self-evaluation';
}

export interface ScoredLine {
  weight: number;
  result: import('../scoring/score-indicator').IndicatorScore;
}

/**
 * Each indicator's scored line by its slot key (`u0.p3.i2`, `t1.i0`, `d.i4`), so a form row or a workbook row finds
 * its weight, score and reasons. Department lines follow `scoredTasks`: the key tasks with indicators in order, or
 * the one group of department-wide indicators.
 */
export function scoredLinesByKey(doc: PerformanceDocument, score: SelfEvaluationScore): Map<string, ScoredLine> {
  const out = new Map<string, ScoredLine>();
  if (score.scope === 'project') {
    for (const p of score.projects) p.score.lines.forEach((l, i) => out.set(`${p.key}.i${i}`, { weight: l.weight, result: l.result }));
    return out;
  }
  const tasks = score.department.tasks;
  const withIndicators = (doc.keyTasks ?? []).map((t, i) => ({ t, i })).filter(({ t }) => (t.indicators?.length ?? 0) > 0);
  if (withIndicators.length) {
    withIndicators.forEach(({ i }, k) => tasks[k]?.lines.forEach((l, j) => out.set(`t${i}.i${j}`, { weight: l.weight, result: l.result })));
  } else {
    tasks[0]?.lines.forEach((l, j) => out.set(`d.i${j}`, { weight: l.weight, result: l.result }));
  }
  return out;
}
