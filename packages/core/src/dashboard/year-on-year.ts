/**
 * 数据看板: self-evaluation scores by department and year, with the change from the year before. A department's
 * score of a year is the mean of its kept (or, for imported 自评表, stated) totals that year, to two decimals; its
 * grade is the grade most of its evaluations got (the lower one on a tie: a summary should not flatter).
 */
import { roundHalfUp } from '../money/amount';

export interface ScoredEvaluation {
  departmentId: number;
  department: string;
  year: number;
  total: number | null;
  grade: string | null;
}

export interface DepartmentYearScore {
  departmentId: number;
  department: string;
  year: number;
  /** Evaluations with a total. */
  count: number;
  average: number | null;
  grade: string | null;
  /** Grade → how many evaluations got it. */
  grades: Record<string, number>;
  /** average − the year before's average, points; null without both. */
  change: number | null;
  previous: number | null;
}

/** Best first: on a tie the grade later in this list wins (the lower one). */
const GRADE_ORDER = ['优', '良', '中', '差'];
const rank = (g: string) => {
  const i = GRADE_ORDER.indexOf(g);
  return i < 0 ? GRADE_ORDER.length : i;
};

function mostCommon(grades: Record<string, number>): string | null {
  let best: string | null = null;
  for (const [g, n] of Object.entries(grades)) {
    if (best === null || n > grades[best]! || (n === grades[best] && rank(g) > rank(best))) best = g;
  }
  return best;
}

/** Scores by department and year (newest year first, departments by name), each with its change from the year before. */
export function scoresByDepartmentAndYear(items: readonly ScoredEvaluation[]): DepartmentYearScore[] {
  const groups = new Map<string, { departmentId: number; department: string; year: number; sum: number; count: number; grades: Record<string, number> }>();
  for (const e of items) {
    const key = `${e.departmentId}:${e.year}`;
    const g = groups.get(key) ?? { departmentId: e.departmentId, department: e.department, year: e.year, sum: 0, count: 0, grades: {} };
    if (e.total != null) {
      g.sum += e.total;
      g.count += 1;
    }
    if (e.grade) g.grades[e.grade] = (g.grades[e.grade] ?? 0) + 1;
    groups.set(key, g);
  }
  const averages = new Map<string, number | null>();
  for (const [key, g] of groups) averages.set(key, g.count > 0 ? roundHalfUp(g.sum / g.count, 2) : null);
  return [...groups.entries()]
    .map(([key, g]): DepartmentYearScore => {
      const average = averages.get(key) ?? null;
      const previous = averages.get(`${g.departmentId}:${g.year - 1}`) ?? null;
      return {
        departmentId: g.departmentId,
        department: g.department,
        year: g.year,
        count: g.count,
        average,
        grade: mostCommon(g.grades),
        grades: g.grades,
        previous,
        change: average != null && previous != null ? roundHalfUp(average - previous, 2) : null,
      };
    })
    .sort((a, b) => b.year - a.year || a.department.localeCompare(b.department, 'zh-CN'));
}
