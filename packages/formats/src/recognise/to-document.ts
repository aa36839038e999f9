/**
 * The project tables read from the tokens → the document model. Amounts keep the unit the document declares
 * (`单位：万元`, `金额单位:元`, `项目资金（万元）`); a figure is taken only from a cell that holds it, never computed.
 */
import {
  emptyDocument,
  inferDirection,
  parseActual,
  parseTarget,
  sumAmounts,
  type AmountUnit,
  type Budget,
  type BudgetRow,
  type BudgetUnit,
  type DocumentKind,
  type Indicator,
  type PerformanceDocument,
  type Problem,
  type Project,
  type Target,
} from '@jixiao/core';
import { readAmount, readPoints, readRate, splitCodePrefix } from './cells';
import type { BudgetRowDraft, IndicatorDraft, ProjectDraft, TablesRead } from './project-reader';
import type { Where } from './tokens';

export function tablesToDocument(read: TablesRead, kind: DocumentKind, fileName: string, layoutId: string): PerformanceDocument {
  const unit: AmountUnit = read.amountUnit ?? declaredInCells(read) ?? '万元';
  const doc = emptyDocument(kind, unit);
  doc.year = read.year;
  doc.problems.push(...read.problems);
  if (read.amountUnit === null && declaredInCells(read) === null && read.projects.some((p) => p.funds.length > 0 || p.budgetRows.length > 0)) {
    doc.problems.push(problem('info', 'amount-unit-assumed', '文档没有写明金额单位，按表样的默认单位万元读取：请核对金额单位', { file: fileName }));
  }
  const units = new Map<string, BudgetUnit>();
  for (const draft of read.projects) {
    const project = toProject(draft, kind, unit, doc.problems, fileName);
    const unitText = draft.fields.unit ?? draft.fields.department ?? '';
    const { code, name } = splitCodePrefix(unitText);
    const key = name;
    let u = units.get(key);
    if (!u) {
      u = { name, code, statedAmount: null, projects: [] };
      units.set(key, u);
    }
    u.projects.push(project);
  }
  doc.units = [...units.values()];
  const first = read.projects[0];
  const dept = first?.fields.department ?? null;
  doc.department = dept ? splitCodePrefix(dept).name : (doc.units[0]?.name || null);
  if (read.subtotals.length === 1) {
    const a = readAmount(read.subtotals[0]!.amount);
    if (a) doc.statedTotal = a.value;
  }
  const projects = doc.units.flatMap((u) => u.projects);
  if (projects.length === 1 && kind === 'project-self-evaluation') {
    const p = projects[0]!;
    doc.statedScore = p.statedScore ?? null;
    doc.goalText = p.goal;
    doc.goalCompletion = p.goalCompletion ?? null;
    doc.issuesText = first?.fields.issues ?? null;
    doc.improvementsText = first?.fields.improvements ?? null;
  }
  doc.source = { file: fileName, sha256: null, layout: layoutId };
  return doc;
}

function declaredInCells(read: TablesRead): AmountUnit | null {
  for (const p of read.projects) for (const f of p.funds) {
    const a = readAmount(f.text);
    if (a?.unit) return a.unit;
  }
  return null;
}

function toProject(d: ProjectDraft, kind: DocumentKind, unit: AmountUnit, problems: Problem[], fileName: string): Project {
  const { code, name } = splitCodePrefix(d.fields.projectName ?? '');
  if (!name) problems.push(problem('warning', 'project-name-missing', '读到了一个项目的表格，但没有找到项目名称：请核对表格的“项目名称”一栏', loc(fileName, d.where)));
  const budget = d.budgetRows.length > 0 ? toBudget(d.budgetRows) : null;
  const total = d.budgetRows.find((r) => r.source === 'total');
  const amountFromFunds = fundAmount(d, 'amount:adjusted') ?? fundAmount(d, 'fund:total') ?? fundAmount(d, 'amount:initial');
  const amount = amountFromFunds ?? (total ? num(total.cells.adjusted) ?? num(total.cells.initial) : null);
  const fundingRow = (source: string) => {
    const rows = d.budgetRows.filter((r) => r.source === source);
    if (rows.length === 0) return null;
    return sumAmounts(rows.map((r) => num(r.cells.adjusted) ?? num(r.cells.initial)), unit);
  };
  const fiscal = fiscalFunds(d, unit) ?? fundingRow('fiscal');
  const other = fundSum(d, 'fund:other', unit) ?? fundingRow('other');
  const special = fundSum(d, 'fund:specialAccount', unit) ?? fundingRow('specialAccount');
  const indicators = mergeGrids(d.indicators).map((ind, k) => toIndicator(ind, k + 1, kind));
  for (const [k, ind] of indicators.entries()) {
    // `88100`: the numbers of two cells run together by the extraction. Kept as written, never split.
    if (/^[\d.,…]+$/.test(ind.name)) {
      problems.push(problem('warning', 'cells-run-together', `项目「${name || '（未命名）'}」第 ${k + 1} 个指标的名称只有数字「${ind.name}」，可能是相邻单元格的数字粘连在一起：请对照原表核对指标名称和指标值`, { ...loc(fileName, d.where, name), indicator: k + 1 }));
    }
  }
  const project: Project = {
    name,
    code,
    amount,
    funding: { fiscal, specialAccount: special, other },
    category: checkedOption(d.fields.category ?? null),
    description: d.fields.description ?? null,
    goal: d.fields.goal ?? null,
    indicators,
  };
  if (d.fields.department) project.department = splitCodePrefix(d.fields.department).name;
  if (d.fields.periodGoal) project.periodGoal = d.fields.periodGoal;
  if (kind === 'project-self-evaluation') {
    project.budget = budget;
    project.goalCompletion = d.fields.goalCompletion ?? null;
    project.statedScore = statedTotal(d.totalRow);
    project.statedGrade = d.fields.grade ?? null;
    if (d.totalRow === null && indicators.length > 0) {
      problems.push(problem('info', 'document-incomplete', `项目「${name || '（未命名）'}」没有读到总分（合计）行，文档可能不完整：未读到的部分不作判断`, loc(fileName, d.where, name)));
    }
  }
  return project;
}

/** `新增项目□延续项目√` → 延续项目; a value without check boxes stays as written. */
function checkedOption(text: string | null): string | null {
  if (text === null || !/[□√☑■]/.test(text)) return text;
  const options = text.split(/(?<=[□√☑■])(?=[^□√☑■])/).map((o) => o.trim()).filter(Boolean);
  const checked = options.filter((o) => /(?:√|☑|■)$/.test(o)).map((o) => o.replace(/[□√☑■\s]+$/g, ''));
  return checked.length === 1 ? checked[0]! : text;
}

function statedTotal(row: number[] | null): number | null {
  if (!row || row.length === 0) return null;
  if (row.length >= 2) return row[1]!;
  return row[0] === 100 ? null : row[0]!;
}

/** Parallel fiscal lines are added (中央补助安排 + 省级财政安排); otherwise the first is the total and the rest its 其中. */
const PARALLEL_FISCAL = new Set(['中央补助安排', '省级财政安排', '本级财政拨款', '上级财政拨款', '市级财政安排', '县级财政安排']);
function fiscalFunds(d: ProjectDraft, unit: AmountUnit): number | null {
  const lines = d.funds.filter((x) => x.key === 'fund:fiscal' && leadingAmount(x.text) !== null);
  if (lines.length === 0) return null;
  if (lines.every((l) => PARALLEL_FISCAL.has(l.label ?? ''))) return sumAmounts(lines.map((l) => leadingAmount(l.text)), unit);
  return leadingAmount(lines[0]!.text);
}

/** A label–value figure: the amount the value starts with (`6923.3552万元(其中:…` → 6923.3552). */
function leadingAmount(text: string): number | null {
  const m = /^\s*(-?\d[\d,]*(?:\.\d+)?)\s*(万元|元)?(?![\d.])/.exec(text.normalize('NFKC'));
  return m ? (readAmount(m[1]!)?.value ?? null) : null;
}

function fundAmount(d: ProjectDraft, key: string): number | null {
  const f = d.funds.find((x) => x.key === key && leadingAmount(x.text) !== null);
  return f ? leadingAmount(f.text) : null;
}

function fundSum(d: ProjectDraft, key: string, unit: AmountUnit): number | null {
  const values = d.funds.filter((x) => x.key === key).map((f) => leadingAmount(f.text));
  if (values.every((v) => v === null)) return null;
  return sumAmounts(values, unit);
}

function num(text: string | null | undefined): number | null {
  return readAmount(text ?? null)?.value ?? null;
}

function toBudget(rows: BudgetRowDraft[]): Budget {
  const bySource: BudgetRow[] = rows.map((r) => {
    const row: BudgetRow = {
      source: r.label,
      initial: num(r.cells.initial),
      adjustment: null,
      adjusted: num(r.cells.adjusted),
      spent: num(r.cells.spent),
      statedExecutionRate: readRate(r.cells.executionRate ?? null),
      statedAdjustmentRate: null,
    };
    const weight = readPoints(r.cells.weight ?? null);
    const score = readPoints(r.cells.score ?? null);
    if (weight !== null) row.weight = weight;
    if (score !== null) row.score = score;
    if (r.cells.reason) row.reason = r.cells.reason;
    return row;
  });
  const total = bySource[rows.findIndex((r) => r.source === 'total')] ?? null;
  return { initial: total?.initial ?? null, adjustment: null, adjusted: total?.adjusted ?? null, spent: total?.spent ?? null, bySource };
}

/** A 长期 grid and a 年度 grid of the same indicators (older 申报表) become one indicator with both targets. */
function mergeGrids(list: IndicatorDraft[]): IndicatorDraft[] {
  const period = list.filter((x) => x.targetField === 'periodTarget');
  if (period.length === 0) return list;
  const out: IndicatorDraft[] = [...period];
  for (const a of list.filter((x) => x.targetField === 'annualTarget')) {
    const same = out.find((p) => p.targetField === 'periodTarget' && p.name === a.name && p.level2 === a.level2 && !p.cells.mergedFromAnnualGrid);
    if (same) {
      same.cells = { ...same.cells, annualFromAnnualGrid: a.cells.annualTarget ?? null, mergedFromAnnualGrid: 'yes' };
    } else out.push(a);
  }
  return out;
}

function composeTarget(value: string | null | undefined, op: string | null | undefined, unit: string | null | undefined): Target | null {
  if (!value) return null;
  const symbol = op && /^[≥≤=<>＞＜≧≦]$/.test(op.trim()) ? op.trim() : '';
  const hasUnit = /[^\d.,\s%]$/.test(value) || value.endsWith('%');
  const u = unit && !hasUnit && /\d$/.test(value) ? unit.replace(/^百分比$/, '%') : '';
  return parseTarget(`${symbol}${value}${u}`);
}

function toIndicator(d: IndicatorDraft, no: number, kind: DocumentKind): Indicator {
  const c = d.cells;
  const main = composeTarget(c.annualTarget ?? (d.targetField === 'periodTarget' ? null : c.periodTarget), c.op, c.measureUnit);
  const annual = d.targetField === 'periodTarget' ? composeTarget(c.annualFromAnnualGrid, c.op, c.measureUnit) : main;
  const period = d.targetField === 'periodTarget' ? main : composeTarget(c.periodTarget, c.op, c.measureUnit);
  const directionWord = c.direction ?? '';
  const direction = /反向/.test(directionWord) ? 'lower' : /正向/.test(directionWord) ? 'higher' : inferDirection(d.name, annual ?? period);
  const ind: Indicator = {
    no,
    level1: d.level1,
    level1Code: null,
    level2: d.level2,
    level2Code: null,
    name: d.name,
    periodTarget: period,
    annualTarget: annual,
    direction,
  };
  if (c.explanation) ind.explanation = c.explanation;
  const weight = readPoints(c.weight ?? null);
  if (weight !== null || c.weight !== undefined) ind.weight = weight;
  if (kind === 'project-self-evaluation' || c.actual !== undefined || c.score !== undefined) {
    const actualText = c.actual ? (/\d$/.test(c.actual) && c.measureUnit ? `${c.actual}${c.measureUnit.replace(/^百分比$/, '%')}` : c.actual) : null;
    ind.actual = parseActual(actualText);
    ind.score = readPoints(c.score ?? null);
    ind.deviationReason = c.deviationReason ?? null;
  }
  return ind;
}

function problem(severity: Problem['severity'], code: string, message: string, location: Problem['location']): Problem {
  return { severity, code, message, location };
}

function loc(file: string, where: Where, project?: string): Problem['location'] {
  const l: Problem['location'] = { file };
  if (project) l.project = project;
  if (where.page) l.page = where.page;
  if (where.table) l.table = where.table;
  if (where.row) l.row = where.row;
  if (where.sheet) l.sheet = where.sheet;
  return l;
}
