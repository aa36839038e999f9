/**
 * The review page's view of a document: its projects (and department / key-task indicator lists) as groups of
 * indicators, and where each finding points in them — so a finding can be filtered by project and jump to its row.
 */
import { reviewResultDto, type SaveDocumentContentRequest } from '@jixiao/contract';
import {
  inferDirection,
  decisionsForVersion,
  LEVEL1,
  LEVEL2,
  findBuiltinReviewRuleSet,
  parseTarget,
  reviewDocument,
  runChecks,
  type Dimension,
  type ReviewSettings,
  type RuleSet,
  type Severity,
} from '@jixiao/core';
import type { InterchangeDocument } from '../import';
import type { DocumentReviewDto, ReviewedFinding } from './api';

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

// ——— Editing in place: a local copy of the document, reviewed in the browser by the same core as the server ———

/**
 * What can be edited of one indicator: its 二级 (the 一级 follows from it: 「指标层级不符」 is fixed by picking the
 * right 二级), its 三级指标 name and the texts of its two target values.
 */
export interface IndicatorEdit {
  level2: string;
  name: string;
  period: string;
  annual: string;
}

export const indicatorEditOf = (i: Indicator): IndicatorEdit => ({ level2: i.level2 ?? '', name: i.name, period: i.periodTarget?.text ?? '', annual: i.annualTarget?.text ?? '' });

/** The 二级 choices, each under its 一级 (the national system: 11–14, 21–24, 31). */
export const LEVEL_CHOICES: ReadonlyArray<{ level1: string; options: ReadonlyArray<{ value: string; label: string }> }> = LEVEL1.map((l1) => ({
  level1: l1.name,
  options: LEVEL2.filter((l2) => l2.level1 === l1.key).map((l2) => ({ value: l2.name, label: `${l2.name}（${l1.name}）` })),
})).filter((g) => g.options.length > 0);

/** The levels an indicator gets for a chosen 二级 name; unchanged when the name is not one of the system's. */
function withLevel2(i: Indicator, level2: string): Indicator {
  if (level2 === (i.level2 ?? '')) return i;
  const def = LEVEL2.find((l) => l.name === level2);
  const parent = def && LEVEL1.find((l) => l.key === def.level1);
  if (!def || !parent) return i;
  return { ...i, level1: parent.name, level1Code: parent.code, level2: def.name, level2Code: def.code };
}

/** The indicator list of a group in a document (the same lists `groupsOf` shows; the first project of a name). */
function listOf(doc: InterchangeDocument, groupKey: string): { indicators: Indicator[]; set: (list: Indicator[]) => InterchangeDocument } | undefined {
  if (groupKey === 'dept' && doc.indicators) return { indicators: doc.indicators, set: (indicators) => ({ ...doc, indicators }) };
  if (groupKey.startsWith('k:')) {
    const k = (doc.keyTasks ?? []).findIndex((t) => `k:${t.name}` === groupKey && t.indicators);
    const task = doc.keyTasks?.[k];
    if (!task?.indicators) return undefined;
    return { indicators: task.indicators, set: (indicators) => ({ ...doc, keyTasks: doc.keyTasks!.map((t, i) => (i === k ? { ...t, indicators } : t)) }) };
  }
  const hit = projectAt(doc, groupKey);
  if (!hit) return undefined;
  return { indicators: hit.project.indicators, set: (indicators) => hit.set({ ...hit.project, indicators }) };
}

type Project = InterchangeDocument['units'][number]['projects'][number];

function projectAt(doc: InterchangeDocument, groupKey: string): { project: Project; set: (p: Project) => InterchangeDocument } | undefined {
  for (const [u, unit] of doc.units.entries()) {
    const p = unit.projects.findIndex((x) => `p:${unit.name}|${x.name}` === groupKey);
    const project = unit.projects[p];
    if (!project) continue;
    return {
      project,
      set: (next) => ({ ...doc, units: doc.units.map((x, i) => (i === u ? { ...x, projects: x.projects.map((y, j) => (j === p ? next : y)) } : x)) }),
    };
  }
  return undefined;
}

/**
 * The document with one indicator edited: the target texts read again by the core's R1 parser (as the server
 * does when it saves), the direction following the new target. An empty text is a missing value.
 */
export function withIndicatorEdit(doc: InterchangeDocument, groupKey: string, no: number, edit: IndicatorEdit): InterchangeDocument {
  const list = listOf(doc, groupKey);
  if (!list) return doc;
  return list.set(
    list.indicators.map((i) => {
      if (i.no !== no) return i;
      const name = edit.name.trim() || i.name;
      const periodTarget = parseTarget(edit.period);
      const annualTarget = parseTarget(edit.annual);
      return { ...withLevel2(i, edit.level2), name, periodTarget, annualTarget, direction: inferDirection(name, annualTarget ?? periodTarget) };
    }),
  );
}

/**
 * The document with a new indicator at the end of a group (产出指标 › 数量指标, no name or value yet: the editor opens
 * on it); its number is one past the group's highest, so the others keep theirs (and the decisions made on them).
 */
export function withIndicatorAdded(doc: InterchangeDocument, groupKey: string): { doc: InterchangeDocument; no: number } | undefined {
  const list = listOf(doc, groupKey);
  if (!list) return undefined;
  const no = list.indicators.reduce((n, i) => Math.max(n, i.no), 0) + 1;
  const [l1, l2] = [LEVEL1[0]!, LEVEL2[0]!];
  const added: Indicator = { no, level1: l1.name, level1Code: l1.code, level2: l2.name, level2Code: l2.code, name: '', periodTarget: null, annualTarget: null, direction: null };
  return { doc: list.set([...list.indicators, added]), no };
}

/** The document without one indicator of a group (the others keep their numbers). */
export function withIndicatorRemoved(doc: InterchangeDocument, groupKey: string, no: number): InterchangeDocument {
  const list = listOf(doc, groupKey);
  return list ? list.set(list.indicators.filter((i) => i.no !== no)) : doc;
}

/** The document with one indicator moved up (-1) or down (+1) in its group; its number stays its own. */
export function withIndicatorMoved(doc: InterchangeDocument, groupKey: string, no: number, by: -1 | 1): InterchangeDocument {
  const list = listOf(doc, groupKey);
  if (!list) return doc;
  const at = list.indicators.findIndex((i) => i.no === no);
  const to = at + by;
  if (at < 0 || to < 0 || to >= list.indicators.length) return doc;
  const next = [...list.indicators];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return list.set(next);
}

export function goalOf(doc: InterchangeDocument | undefined, groupKey: string): string | null | undefined {
  return doc ? projectAt(doc, groupKey)?.project.goal : undefined;
}

/** The document with a project's 绩效目标 text edited (empty: no goal text). */
export function withGoalEdit(doc: InterchangeDocument, groupKey: string, goal: string): InterchangeDocument {
  const hit = projectAt(doc, groupKey);
  return hit ? hit.set({ ...hit.project, goal: goal.trim() || null }) : doc;
}

/** The built-in review rule set the server named (`id@version`), which the browser can run; undefined for a stored one. */
export function browserRuleSet(ref: string): RuleSet<ReviewSettings> | undefined {
  return findBuiltinReviewRuleSet(ref);
}

/**
 * The review the edited copy would get once saved as the next version: the core's checks and scoring with the
 * rule set the server reported, the reviewer's accept / dismiss decisions carried over (as on the server, by
 * finding key); added findings and a conclusion override belong to the version they were made on, so they do not.
 */
export function reviewEdited(doc: InterchangeDocument, server: DocumentReviewDto, ruleSet: RuleSet<ReviewSettings>): DocumentReviewDto {
  // The same spreads of the 指标库 the server compared the targets with (`target-outlier`).
  const findings = runChecks(doc, ruleSet, undefined, server.benchmarks);
  // The next version's decisions: the core's carry-over rule, as the server will apply it once the copy is saved.
  const decisions = decisionsForVersion(server.decisions, server.document.version + 1);
  const { findings: reviewed, scores } = reviewResultDto(reviewDocument(doc, findings, ruleSet, decisions));
  return { ...server, review: { ...server.review, ...scores }, findings: reviewed };
}

/** What is being edited right now (the page owns it; the document shows it as typed). */
export type Editing =
  | { kind: 'indicator'; groupKey: string; no: number; value: IndicatorEdit }
  | { kind: 'goal'; groupKey: string; value: string };

/** The document with the edit being typed laid over it. */
export function applyEditing(doc: InterchangeDocument, editing: Editing | undefined): InterchangeDocument {
  if (!editing) return doc;
  return editing.kind === 'indicator' ? withIndicatorEdit(doc, editing.groupKey, editing.no, editing.value) : withGoalEdit(doc, editing.groupKey, editing.value);
}

/** Each group's indicator numbers in the order shown. */
const indicatorOrder = (groups: readonly Group[]) => new Map(groups.map((g) => [g.key, g.indicators.map((i) => i.no)]));

/** `list`'s numbers that `other` holds too, in `list`'s order. */
const sharedOrder = (list: readonly number[], other: readonly number[]) => list.filter((n) => other.includes(n)).join(',');

/** Whether the indicators both lists hold come in another order (added or removed ones are changes of their own). */
const reordered = (was: readonly number[], is: readonly number[]) => sharedOrder(was, is) !== sharedOrder(is, was);

/**
 * What differs from the stored version: the keys of the projects whose 绩效目标 text changed, of the indicators whose
 * levels, name or target texts changed, of removed indicators and of groups whose order changed (an edit typed back
 * to the stored text is no change). Empty: nothing to save.
 */
export function changedKeys(doc: InterchangeDocument, stored: InterchangeDocument): Set<string> {
  const keys = new Set<string>();
  if (doc === stored) return keys;
  const storedGroups = groupsOf(stored);
  const before = new Map(storedGroups.flatMap((g) => g.indicators.map((i) => [indicatorKey(g.key, i.no), i] as const)));
  const now = new Set<string>();
  for (const g of groupsOf(doc)) {
    if (g.project !== undefined && (goalOf(doc, g.key) ?? null) !== (goalOf(stored, g.key) ?? null)) keys.add(g.key);
    for (const i of g.indicators) {
      const key = indicatorKey(g.key, i.no);
      now.add(key);
      const b = before.get(key);
      if (!b || b.name !== i.name || b.level1 !== i.level1 || b.level2 !== i.level2 || b.annualTarget?.text !== i.annualTarget?.text || b.periodTarget?.text !== i.periodTarget?.text) keys.add(key);
    }
  }
  // A removed indicator is a change of its own (nothing on the page is marked for it: it is gone), and so is a new order.
  for (const g of storedGroups) for (const i of g.indicators) if (!now.has(indicatorKey(g.key, i.no))) keys.add(`${indicatorKey(g.key, i.no)}:removed`);
  const [was, is] = [indicatorOrder(storedGroups), indicatorOrder(groupsOf(doc))];
  for (const [key, nos] of is) if (reordered(was.get(key) ?? [], nos)) keys.add(`${key}:order`);
  return keys;
}

export interface Marks {
  /** Open (not dismissed) findings per group and per indicator key, and whether any is an error. */
  groups: Map<string, { count: number; error: boolean }>;
  indicators: Map<string, { count: number; error: boolean }>;
}

/** The dots beside the document's projects and indicators: how many open findings, and whether any is an error. */
function bump(map: Map<string, { count: number; error: boolean }>, key: string, error: boolean): void {
  const v = map.get(key) ?? { count: 0, error: false };
  map.set(key, { count: v.count + 1, error: v.error || error });
}

export function marksOf(findings: readonly ReviewedFinding[], groups: readonly Group[]): Marks {
  const m: Marks = { groups: new Map(), indicators: new Map() };
  for (const f of findings) {
    if (f.status === 'dismissed') continue;
    const g = groupOf(f, groups);
    if (!g) continue;
    bump(m.groups, g.key, f.finding.severity === 'error');
    const ik = indicatorKeyOf(f, groups);
    if (ik) bump(m.indicators, ik, f.finding.severity === 'error');
  }
  return m;
}

// ——— The editor's server state and what a save sends ———

/** What the editor loads: the review, and the document it reviews at that version. */
export interface ReviewEditorState {
  review: DocumentReviewDto;
  document: InterchangeDocument;
}

/** A save sends the whole edited document with the version it was based on (409 when someone saved first). */
export const saveRequestOf = (state: ReviewEditorState, document: InterchangeDocument): SaveDocumentContentRequest => ({ baseVersion: state.review.document.version, document });

/** After a save: the server's review of the new version, and the document as sent (until the reload brings it). */
export const afterSave = (review: DocumentReviewDto, document: InterchangeDocument): ReviewEditorState => ({ review, document });

/** After a decision, a finding added or the conclusion set: the recomputed review; the document is unchanged. */
export const withReview = (state: ReviewEditorState, review: DocumentReviewDto): ReviewEditorState => ({ ...state, review });

/** What the page says after a save: a new version, or none when the content was the same. */
export const savedMessage = (before: number, after: number): string => (after > before ? `已保存为第 ${after} 版` : '内容与当前版本相同，未产生新版本');
