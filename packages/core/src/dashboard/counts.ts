/**
 * 数据看板: counts by department — monitoring lights, review conclusions 优/良/中/差 — and the review checks that
 * fire most often. Pure tallies; the server feeds them what it read.
 */
export type LightKey = 'red' | 'yellow' | 'green' | 'blue';
export const LIGHT_KEYS: readonly LightKey[] = ['red', 'yellow', 'green', 'blue'];
export const CONCLUSIONS = ['优', '良', '中', '差'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export interface DepartmentCounts<K extends string> {
  departmentId: number;
  department: string;
  counts: Record<K, number>;
  total: number;
}

/** Adds each item's counts to its department's, in first-seen order of departments then sorted by name. */
export function countsByDepartment<K extends string>(keys: readonly K[], items: ReadonlyArray<{ departmentId: number; department: string; counts: Partial<Record<K, number>> }>): Array<DepartmentCounts<K>> {
  const byDepartment = new Map<number, DepartmentCounts<K>>();
  for (const item of items) {
    const d = byDepartment.get(item.departmentId) ?? { departmentId: item.departmentId, department: item.department, counts: Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>, total: 0 };
    for (const k of keys) {
      const n = item.counts[k] ?? 0;
      d.counts[k] += n;
      d.total += n;
    }
    byDepartment.set(item.departmentId, d);
  }
  return [...byDepartment.values()].sort((a, b) => a.department.localeCompare(b.department, 'zh-CN'));
}

/** One conclusion as a one-count item (a document has one conclusion); a conclusion outside 优/良/中/差 counts nowhere. */
export function conclusionCounts(conclusion: string): Partial<Record<Conclusion, number>> {
  return (CONCLUSIONS as readonly string[]).includes(conclusion) ? { [conclusion as Conclusion]: 1 } : {};
}

export interface CheckFrequency {
  checkId: string;
  /** Findings of the check across the documents. */
  count: number;
  /** Documents with at least one. */
  documents: number;
  /** Departments with at least one. */
  departments: number;
}

/** The checks that fire most often: by findings, then by documents; `limit` of them. */
export function checkFrequencies(documents: ReadonlyArray<{ departmentId: number; checkIds: readonly string[] }>, limit: number): CheckFrequency[] {
  const byCheck = new Map<string, { count: number; documents: number; departments: Set<number> }>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const id of doc.checkIds) {
      const c = byCheck.get(id) ?? { count: 0, documents: 0, departments: new Set<number>() };
      c.count += 1;
      if (!seen.has(id)) {
        c.documents += 1;
        seen.add(id);
      }
      c.departments.add(doc.departmentId);
      byCheck.set(id, c);
    }
  }
  return [...byCheck.entries()]
    .map(([checkId, c]) => ({ checkId, count: c.count, documents: c.documents, departments: c.departments.size }))
    .sort((a, b) => b.count - a.count || b.documents - a.documents || a.checkId.localeCompare(b.checkId))
    .slice(0, limit);
}
