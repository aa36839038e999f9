/**
 * The review page's view of a document: its projects (and department / key-task indicator lists) as groups of
 * indicators, and where each finding points in them — so a finding can be filtered by project and jump to its row.
 */
import type { Dimension, Severity } from '@jixiao/core';
import type { InterchangeDocument } from '../../import/api';
import type { ReviewedFinding } from '../api';

type Indicator = NonNullable<InterchangeDocument['indicators']>[number];

export interface Group {
  key: string;
  label: string;
  /** The unit (for projects), shown in small print. */
  unit: string | null;
  /** The project name as the findings name it (undefined for department / key-task lists). */
  project?: string;
  keyTask?: string;
  indicators: Indicator[];
}

export function groupsOf(doc: InterchangeDocument | undefined): Group[] {
  if (!doc) return [];
  const groups: Group[] = [];
  if (doc.indicators?.length) groups.push({ key: 'dept', label: '部门整体绩效指标', unit: null, indicators: doc.indicators });
  for (const task of doc.keyTasks ?? []) {
    if (task.indicators?.length) groups.push({ key: `k:${task.name}`, label: `重点任务：${task.name}`, unit: null, keyTask: task.name, indicators: task.indicators });
  }
  for (const unit of doc.units) {
    for (const project of unit.projects) {
      const key = `p:${unit.name}|${project.name}`;
      if (groups.some((g) => g.key === key)) continue;
      groups.push({ key, label: project.name, unit: unit.name, project: project.name, indicators: project.indicators });
    }
  }
  return groups;
}

/** The group a finding is about (undefined: the whole document, e.g. a total that does not add up). */
export function groupOf(f: ReviewedFinding, groups: readonly Group[]): Group | undefined {
  const l = f.finding.location;
  if (l.project) return groups.find((g) => g.project === l.project && (!l.unit || g.unit === l.unit)) ?? groups.find((g) => g.project === l.project);
  if (l.keyTask) return groups.find((g) => g.keyTask === l.keyTask);
  if (l.indicator != null) return groups.find((g) => g.key === 'dept');
  return undefined;
}

export const indicatorKey = (groupKey: string, no: number) => `${groupKey}#${no}`;

export function indicatorKeyOf(f: ReviewedFinding, groups: readonly Group[]): string | undefined {
  const g = groupOf(f, groups);
  return g && f.finding.location.indicator != null ? indicatorKey(g.key, f.finding.location.indicator) : undefined;
}

export type StatusFilter = 'all' | 'open' | 'decided' | 'added';

export interface Filters {
  severity: Severity | 'all';
  dimension: Dimension | 'all';
  group: string;
  status: StatusFilter;
  search: string;
}

export const NO_FILTERS: Filters = { severity: 'all', dimension: 'all', group: 'all', status: 'all', search: '' };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in document order (whole-document ones first), then by severity. */
export function sortFindings(findings: readonly ReviewedFinding[], groups: readonly Group[]): ReviewedFinding[] {
  const order = new Map(groups.map((g, i) => [g.key, i]));
  const rank = (f: ReviewedFinding) => {
    const g = groupOf(f, groups);
    return [g ? (order.get(g.key) ?? 0) + 1 : 0, f.finding.location.indicator ?? 0, SEVERITY_RANK[f.finding.severity]] as const;
  };
  return findings
    .map((f, i) => ({ f, r: rank(f), i }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map((x) => x.f);
}

export function applyFilters(findings: readonly ReviewedFinding[], groups: readonly Group[], filters: Filters): ReviewedFinding[] {
  const words = filters.search.trim().toLowerCase();
  return findings.filter((f) => {
    if (filters.severity !== 'all' && f.finding.severity !== filters.severity) return false;
    if (filters.dimension !== 'all' && f.finding.dimension !== filters.dimension) return false;
    if (filters.group !== 'all' && (groupOf(f, groups)?.key ?? 'doc') !== filters.group) return false;
    if (filters.status === 'open' && f.status !== 'open') return false;
    if (filters.status === 'decided' && f.status !== 'accepted' && f.status !== 'dismissed') return false;
    if (filters.status === 'added' && f.status !== 'added') return false;
    if (words) {
      const l = f.finding.location;
      const text = `${f.finding.message} ${f.finding.suggestion} ${f.finding.evidence} ${l.project ?? ''} ${l.indicatorName ?? ''} ${l.keyTask ?? ''}`.toLowerCase();
      if (!text.includes(words)) return false;
    }
    return true;
  });
}

export function whereText(f: ReviewedFinding): string {
  const l = f.finding.location;
  const parts: string[] = [];
  if (l.keyTask) parts.push(`任务「${l.keyTask}」`);
  if (l.project) parts.push(l.project);
  if (l.indicator != null) parts.push(`第${l.indicator}个指标${l.indicatorName ? `「${l.indicatorName}」` : ''}`);
  if (l.field && !parts.length) parts.push(l.field);
  else if (l.field) parts.push(l.field);
  return parts.join(' · ') || '整个文档';
}
