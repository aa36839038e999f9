/**
 * 目标调整 side by side (issue 14 item 6, seed 003's 「调整、删除、新增」 lists): what an adjustment changes against the
 * approved version — projects and indicators added, removed, or changed field by field, with the old and the new
 * text as the documents print them. Pure: the same two versions always give the same list, in reading order.
 */
import { formatAmount } from '../money/amount';
import type { Indicator, PerformanceDocument, Project } from './model';

export type ChangeKind = 'added' | 'removed' | 'changed';

export const CHANGE_LABELS: Record<ChangeKind, string> = { added: '新增', removed: '删除', changed: '调整' };

export interface FieldChange {
  /** 年度指标值, 二级指标, 项目金额 … */
  field: string;
  before: string;
  after: string;
}

export interface TargetChange {
  kind: ChangeKind;
  what: 'project' | 'indicator';
  /** Where it sits: the unit and the project (or key task), as the newer version names them when it still has them. */
  unit: string | null;
  project: string | null;
  keyTask: string | null;
  /** The indicator's name (for an indicator), else the project's. */
  name: string;
  /** What changed (every field of an added or removed item that has a value). */
  fields: FieldChange[];
}

export interface TargetChanges {
  changes: TargetChange[];
  counts: Record<ChangeKind, number>;
}

const text = (v: string | null | undefined): string => (v ?? '').trim();

function indicatorFields(i: Indicator): Array<[string, string]> {
  return [
    ['一级指标', text(i.level1)],
    ['二级指标', text(i.level2)],
    ['年度指标值', text(i.annualTarget?.text)],
    ['实施期指标值', text(i.periodTarget?.text)],
    ['指标解释', text(i.explanation)],
    ['权重', i.weight == null ? '' : String(i.weight)],
  ];
}

function projectFields(p: Project, unit: string): Array<[string, string]> {
  return [
    ['项目名称', text(p.name)],
    [`项目金额（${unit}）`, p.amount == null ? '' : formatAmount(p.amount)],
    ['绩效目标', text(p.goal)],
  ];
}

/** The fields whose text differs; for an added or removed item, every field it has (before or after empty). */
function diff(before: Array<[string, string]> | null, after: Array<[string, string]> | null): FieldChange[] {
  const rows = (after ?? before)!;
  return rows
    .map(([field], i) => ({ field, before: before?.[i]?.[1] ?? '', after: after?.[i]?.[1] ?? '' }))
    .filter((f) => f.before !== f.after);
}

/** Pairs items by key in order: the first unmatched item of the same key on the other side. */
function pair<T>(before: readonly T[], after: readonly T[], key: (t: T) => string): Array<[T | null, T | null]> {
  const left = [...before];
  const out: Array<[T | null, T | null]> = [];
  for (const a of after) {
    const at = left.findIndex((b) => key(b) === key(a));
    out.push([at >= 0 ? left.splice(at, 1)[0]! : null, a]);
  }
  for (const b of left) out.push([b, null]);
  return out;
}

const kindOf = (before: unknown, after: unknown): ChangeKind | null => (before && after ? 'changed' : after ? 'added' : before ? 'removed' : null);

interface Group {
  unit: string | null;
  project: Project | null;
  keyTask: string | null;
  indicators: Indicator[];
}

/** Every place indicators sit: each project (with its unit), the department's own, each key task's. */
function groups(doc: PerformanceDocument): Group[] {
  return [
    ...doc.units.flatMap((u) => u.projects.map((p) => ({ unit: u.name, project: p, keyTask: null, indicators: p.indicators }))),
    { unit: null, project: null, keyTask: null, indicators: doc.indicators ?? [] },
    ...(doc.keyTasks ?? []).map((t) => ({ unit: null, project: null, keyTask: t.name, indicators: t.indicators ?? [] })),
  ];
}

const groupKey = (g: Group): string => (g.project ? `p\u0000${g.unit}\u0000${g.project.code?.trim() || g.project.name.trim()}` : g.keyTask !== null ? `t\u0000${g.keyTask}` : 'd');

export function compareTargets(before: PerformanceDocument, after: PerformanceDocument): TargetChanges {
  const changes: TargetChange[] = [];
  for (const [b, a] of pair(groups(before), groups(after), groupKey)) {
    const g = (a ?? b)!;
    const where = { unit: g.unit, project: g.project?.name ?? null, keyTask: g.keyTask };
    if (g.project) {
      const fields = diff(b?.project ? projectFields(b.project, before.amountUnit) : null, a?.project ? projectFields(a.project, after.amountUnit) : null);
      const kind = kindOf(b, a);
      if (kind && (kind !== 'changed' || fields.length > 0)) changes.push({ kind, what: 'project', ...where, name: g.project.name, fields });
    }
    for (const [bi, ai] of pair(b?.indicators ?? [], a?.indicators ?? [], (i) => i.name.trim())) {
      const fields = diff(bi ? indicatorFields(bi) : null, ai ? indicatorFields(ai) : null);
      const kind = kindOf(bi, ai);
      // The indicators of an added or removed project are listed with it, not one by one.
      if (!kind || (kind === 'changed' && fields.length === 0) || (g.project && (!a || !b))) continue;
      changes.push({ kind, what: 'indicator', ...where, name: (ai ?? bi)!.name, fields });
    }
  }
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return { changes, counts };
}
