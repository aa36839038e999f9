/**
 * A document flattened into column arrays, ready for `insert … select from unnest(…)`: pure and synchronous, so it
 * runs before the import transaction opens (nothing slow inside a transaction: decision 001).
 * Amounts and scores become decimal strings (exact in `numeric`), objects become JSON text for `jsonb`.
 */
import type { Indicator, PerformanceDocument } from '@jixiao/core';

export const num = (v: number | null | undefined): string | null => (v == null ? null : String(v));
const str = (v: string | null | undefined): string | null => (v == null ? null : v);
const jsonText = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

export interface UnitRows {
  name: string[];
  code: (string | null)[];
  nature: (string | null)[];
}

export interface ProjectRows {
  position: number[];
  unitName: string[];
  no: (number | null)[];
  name: string[];
  code: (string | null)[];
  amount: (string | null)[];
  fiscal: (string | null)[];
  specialAccount: (string | null)[];
  other: (string | null)[];
  category: (string | null)[];
  description: (string | null)[];
  goal: (string | null)[];
  budget: (string | null)[];
  indicatorCount: number[];
}

export interface KeyTaskRows {
  position: number[];
  name: string[];
  content: (string | null)[];
  funds: (string | null)[];
  expected: (string | null)[];
  projects: string[];
  completion: (string | null)[];
  weight: (string | null)[];
  statedScore: (string | null)[];
}

export type IndicatorScope = 'project' | 'department' | 'key-task';

export interface IndicatorRows {
  scope: IndicatorScope[];
  /** Position of the owning project / key task (in ProjectRows / KeyTaskRows), or null. */
  projectPosition: (number | null)[];
  keyTaskPosition: (number | null)[];
  unitName: (string | null)[];
  position: number[];
  no: number[];
  level1: (string | null)[];
  level1Code: (string | null)[];
  level2: (string | null)[];
  level2Code: (string | null)[];
  name: string[];
  annualTarget: (string | null)[];
  periodTarget: (string | null)[];
  direction: (string | null)[];
  explanation: (string | null)[];
  formula: (string | null)[];
  weight: (string | null)[];
  actual: (string | null)[];
  tier: (string | null)[];
  score: (string | null)[];
  deviationReason: (string | null)[];
}

export interface DocumentRows {
  units: UnitRows;
  projects: ProjectRows;
  keyTasks: KeyTaskRows;
  indicators: IndicatorRows;
}

function emptyIndicatorRows(): IndicatorRows {
  return {
    scope: [],
    projectPosition: [],
    keyTaskPosition: [],
    unitName: [],
    position: [],
    no: [],
    level1: [],
    level1Code: [],
    level2: [],
    level2Code: [],
    name: [],
    annualTarget: [],
    periodTarget: [],
    direction: [],
    explanation: [],
    formula: [],
    weight: [],
    actual: [],
    tier: [],
    score: [],
    deviationReason: [],
  };
}

function pushIndicator(rows: IndicatorRows, i: Indicator, position: number, scope: IndicatorScope, owner: { project?: number; keyTask?: number; unit?: string }): void {
  rows.scope.push(scope);
  rows.projectPosition.push(owner.project ?? null);
  rows.keyTaskPosition.push(owner.keyTask ?? null);
  rows.unitName.push(owner.unit ?? null);
  rows.position.push(position);
  rows.no.push(i.no);
  rows.level1.push(i.level1);
  rows.level1Code.push(i.level1Code);
  rows.level2.push(i.level2);
  rows.level2Code.push(i.level2Code);
  rows.name.push(i.name);
  rows.annualTarget.push(jsonText(i.annualTarget));
  rows.periodTarget.push(jsonText(i.periodTarget));
  rows.direction.push(i.direction);
  rows.explanation.push(str(i.explanation));
  rows.formula.push(str(i.formula));
  rows.weight.push(num(i.weight));
  rows.actual.push(jsonText(i.actual));
  rows.tier.push(str(i.tier));
  rows.score.push(num(i.score));
  rows.deviationReason.push(str(i.deviationReason));
}

export function flattenDocument(doc: PerformanceDocument): DocumentRows {
  const units: UnitRows = { name: [], code: [], nature: [] };
  const unitIndex = new Map<string, number>();
  const projects: ProjectRows = {
    position: [],
    unitName: [],
    no: [],
    name: [],
    code: [],
    amount: [],
    fiscal: [],
    specialAccount: [],
    other: [],
    category: [],
    description: [],
    goal: [],
    budget: [],
    indicatorCount: [],
  };
  const indicators = emptyIndicatorRows();
  let position = 0;
  for (const unit of doc.units) {
    // A unit named twice in one document is one unit; its code and nature are the first ones given.
    const at = unitIndex.get(unit.name);
    if (at === undefined) {
      unitIndex.set(unit.name, units.name.length);
      units.name.push(unit.name);
      units.code.push(unit.code);
      units.nature.push(unit.nature ?? null);
    } else {
      units.code[at] ??= unit.code;
      units.nature[at] ??= unit.nature ?? null;
    }
    for (const p of unit.projects) {
      projects.position.push(position);
      projects.unitName.push(unit.name);
      projects.no.push(p.no ?? null);
      projects.name.push(p.name);
      projects.code.push(p.code);
      projects.amount.push(num(p.amount));
      projects.fiscal.push(num(p.funding.fiscal));
      projects.specialAccount.push(num(p.funding.specialAccount));
      projects.other.push(num(p.funding.other));
      projects.category.push(p.category);
      projects.description.push(p.description);
      projects.goal.push(p.goal);
      projects.budget.push(jsonText(p.budget));
      projects.indicatorCount.push(p.indicators.length);
      p.indicators.forEach((i, n) => pushIndicator(indicators, i, n, 'project', { project: position, unit: unit.name }));
      position++;
    }
  }
  const keyTasks: KeyTaskRows = { position: [], name: [], content: [], funds: [], expected: [], projects: [], completion: [], weight: [], statedScore: [] };
  (doc.keyTasks ?? []).forEach((t, k) => {
    keyTasks.position.push(k);
    keyTasks.name.push(t.name);
    keyTasks.content.push(t.content);
    keyTasks.funds.push(num(t.funds));
    keyTasks.expected.push(t.expected);
    keyTasks.projects.push(JSON.stringify(t.projects));
    keyTasks.completion.push(str(t.completion));
    keyTasks.weight.push(num(t.weight));
    keyTasks.statedScore.push(num(t.statedScore));
    (t.indicators ?? []).forEach((i, n) => pushIndicator(indicators, i, n, 'key-task', { keyTask: k }));
  });
  (doc.indicators ?? []).forEach((i, n) => pushIndicator(indicators, i, n, 'department', {}));
  return { units, projects, keyTasks, indicators };
}
