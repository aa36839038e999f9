/**
 * Groups project entries into budget units. With a 单位 column, each project names its unit (an empty cell keeps
 * the unit of the row above) and 小计 rows give a unit's stated amount. Without one, district tables put the unit
 * as a row of its own (name and amount, no goal, indicators or code) above its projects — seed 002's
 * `广州市荔湾区人民政府金花街道办事处 3,111.77`. Such a row is taken as a unit when its name reads like a body
 * (办事处, 局, 中心 …) or when the projects under it add up to its amount; otherwise it stays a project.
 */
import { amountsEqual, sumAmounts, type AmountUnit, type BudgetUnit, type ProblemList } from '@jixiao/core';
import type { Entry } from './read-project-rows';

const BODY_NAME = /(办事处|人民政府|政府|局|委员会|委|办公室|中心|站|所|院|馆|学校|小学|中学|幼儿园|大队|队|处|街道|本级|协会|联合会|党校|单位)$/;

export interface ResolvedUnits {
  units: BudgetUnit[];
  statedTotal: number | null;
}

export function resolveUnits(
  entries: readonly Entry[],
  opts: { hasUnitColumn: boolean; fallbackUnit: string | null; amountUnit: AmountUnit; file: string; sheet: string; problems: ProblemList },
): ResolvedUnits {
  let statedTotal: number | null = null;
  for (const e of entries) if (e.kind === 'total' && statedTotal === null) statedTotal = e.amount;
  const units: BudgetUnit[] = [];
  const byName = new Map<string, BudgetUnit>();
  const unitNamed = (name: string, code: string | null): BudgetUnit => {
    let u = byName.get(name);
    if (!u) {
      u = { name, code, statedAmount: null, projects: [] };
      byName.set(name, u);
      units.push(u);
    } else if (u.code === null && code !== null) u.code = code;
    return u;
  };
  // No unit stated and no department to stand for it: the unit name is left empty (not a placeholder stored as a unit).
  const fallback = opts.fallbackUnit ?? '';
  let warnedFallback = false;
  const useFallback = (row: number): BudgetUnit => {
    if (!opts.fallbackUnit && !warnedFallback) {
      opts.problems.warning('unit-not-stated', '表中没有写明项目所属单位，单位名称留空：请在表中补充单位列或单位行后重新导入', { file: opts.file, sheet: opts.sheet, row });
      warnedFallback = true;
    }
    return unitNamed(fallback, null);
  };

  let current: BudgetUnit | null = null;
  if (opts.hasUnitColumn) {
    for (const e of entries) {
      if (e.kind === 'total') continue;
      if (e.unit) current = unitNamed(e.unit, e.unitCode);
      const unit = current ?? useFallback(e.row);
      if (e.kind === 'subtotal') unit.statedAmount = e.amount;
      else unit.projects.push(e.project);
    }
    return { units, statedTotal };
  }

  const isUnitRow = classifyUnitRows(entries, opts.amountUnit);
  entries.forEach((e, i) => {
    if (e.kind === 'total') return;
    if (e.kind === 'subtotal') {
      const unit = e.unit ? unitNamed(e.unit, e.unitCode) : current;
      if (unit) unit.statedAmount = e.amount;
      return;
    }
    if (isUnitRow[i]) {
      current = unitNamed(e.project.name, e.unitCode ?? e.project.code);
      current.statedAmount = e.project.amount;
      return;
    }
    (current ?? useFallback(e.row)).projects.push(e.project);
  });
  return { units, statedTotal };
}

function classifyUnitRows(entries: readonly Entry[], amountUnit: AmountUnit): boolean[] {
  const candidate = entries.map((e) => e.kind === 'project' && !e.detailed);
  return entries.map((e, i) => {
    if (e.kind !== 'project' || !candidate[i]) return false;
    if (BODY_NAME.test(e.project.name)) return true;
    const below: Array<number | null> = [];
    for (let j = i + 1; j < entries.length; j++) {
      const next = entries[j];
      if (!next || next.kind !== 'project' || candidate[j]) break;
      below.push(next.project.amount);
    }
    const sum = sumAmounts(below, amountUnit);
    return below.length > 0 && e.project.amount != null && sum != null && amountsEqual(sum, e.project.amount, amountUnit);
  });
}
