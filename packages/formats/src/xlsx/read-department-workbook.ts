/**
 * Department-targets workbooks in the jixiao template: 部门整体 (label | value), 重点工作任务 and 部门绩效指标.
 * Sheets are recognised by their titles and headers, not by position. Returns null when the workbook has no
 * key-task table and no 部门整体 sheet.
 */
import { emptyDocument, ProblemList, type AmountUnit, type DepartmentProfile, type Indicator, type KeyTask, type PerformanceDocument } from '@jixiao/core';
import { fieldOfTitle, normalizeTitle, titleLookup, unitInTitle, type ProjectField } from './columns';
import { DEPARTMENT_SHEETS, PROFILE_ROWS, TASK_TITLES, type ProfileKey, type TaskField } from '../templates/department-template-layout';
import { findHeader, type HeaderMatch, type HeaderSpec } from './find-header';
import { colLetter, type Grid } from './grid';
import { hasIndicatorData, readIndicatorRow, type RowReader } from './indicator-row';
import { TEMPLATE_MARKER } from '../templates/template-layout';
import { cleanName, readAmount, readInteger, readText } from './values';

export const DEPARTMENT_LAYOUT_ID = 'xlsx/jixiao-department-template';

const TASK_LOOKUP = titleLookup(TASK_TITLES);
export const TASK_SPEC: HeaderSpec<TaskField> = {
  fieldOf: (t) => TASK_LOOKUP.get(normalizeTitle(t)) ?? TASK_LOOKUP.get(normalizeTitle(t).replace(/\([^)]*\)/g, '')),
  required: ['name', 'expected'],
  minFields: 3,
  amountFields: ['funds'],
};
const INDICATOR_SPEC: HeaderSpec<ProjectField> = { fieldOf: (t) => fieldOfTitle(t), required: ['indicatorName'], minFields: 3 };
const PROFILE_LOOKUP = new Map<string, (typeof PROFILE_ROWS)[number]>();
for (const row of PROFILE_ROWS) for (const l of row.labels) PROFILE_LOOKUP.set(normalizeTitle(l), row);

export function looksLikeDepartmentWorkbook(grids: readonly Grid[], keywords: string): boolean {
  if (keywords.includes(TEMPLATE_MARKER.department)) return true;
  return grids.some((g) => g.name === DEPARTMENT_SHEETS.overview) || grids.some((g) => findHeader(g, TASK_SPEC) !== null);
}

export function readDepartmentWorkbook(grids: readonly Grid[], file: string): PerformanceDocument | null {
  const problems = new ProblemList({ file });
  const overview = grids.find((g) => g.name === DEPARTMENT_SHEETS.overview) ?? grids.find((g) => hasProfileLabels(g));
  let taskSheet: { grid: Grid; header: HeaderMatch<TaskField> } | null = null;
  let indicatorSheet: { grid: Grid; header: HeaderMatch<ProjectField> } | null = null;
  for (const g of grids) {
    if (g === overview) continue;
    const th: HeaderMatch<TaskField> | null = taskSheet ? null : findHeader(g, TASK_SPEC);
    if (th) {
      taskSheet = { grid: g, header: th };
      continue;
    }
    const ih: HeaderMatch<ProjectField> | null = indicatorSheet ? null : findHeader(g, INDICATOR_SPEC);
    if (ih && !ih.columns.has('name') && !ih.columns.has('code')) indicatorSheet = { grid: g, header: ih };
  }
  if (!overview && !taskSheet) return null;

  const profile = overview ? readProfile(overview, file, problems) : { values: new Map<ProfileKey, string | number | null>(), figures: {}, unit: null };
  const unitText = profile.values.get('amountUnit');
  const noteUnit = unitText === '万元' || unitText === '元' ? unitText : null;
  const amountUnit: AmountUnit = taskSheet?.header.unitInHeader ?? noteUnit ?? profile.unit ?? '万元';
  if (!taskSheet?.header.unitInHeader && !noteUnit && !profile.unit) problems.info('amount-unit-assumed', '没有注明金额单位（万元或元），按「万元」读取：请核对', {});

  const doc = emptyDocument('department-targets', amountUnit);
  doc.department = (profile.values.get('department') as string | null | undefined) ?? null;
  const year = profile.values.get('year');
  doc.year = typeof year === 'number' ? year : null;
  const p: DepartmentProfile = {};
  const text = (k: ProfileKey) => profile.values.get(k) as string | null | undefined;
  const num = (k: ProfileKey) => profile.values.get(k) as number | null | undefined;
  if (text('functions')) p.functions = text('functions') ?? null;
  if (text('overallGoal')) p.overallGoal = text('overallGoal') ?? null;
  if (num('budgetTotal') != null) p.budgetTotal = num('budgetTotal') ?? null;
  if (num('basicExpenditure') != null) p.basicExpenditure = num('basicExpenditure') ?? null;
  if (num('projectExpenditure') != null) p.projectExpenditure = num('projectExpenditure') ?? null;
  if (num('authorized') != null || num('actualStaff') != null) p.staffing = { authorized: num('authorized') ?? null, actual: num('actualStaff') ?? null };
  if (num('retired') != null) p.retired = num('retired') ?? null;
  if (Object.keys(profile.figures).length) p.statedFigures = profile.figures;
  if (Object.keys(p).length) doc.profile = p;
  doc.keyTasks = taskSheet ? readTasks(taskSheet.grid, taskSheet.header, file, problems) : [];
  doc.indicators = indicatorSheet ? readIndicators(indicatorSheet.grid, indicatorSheet.header, file, problems) : [];
  doc.problems = problems.items;
  doc.source = { file, sha256: null, layout: DEPARTMENT_LAYOUT_ID };
  return doc;
}

function hasProfileLabels(g: Grid): boolean {
  let hits = 0;
  for (let r = 1; r <= Math.min(g.rowCount, 40); r++) if (PROFILE_LOOKUP.has(labelKey(g.text(r, 1)))) hits++;
  return hits >= 3;
}

function labelKey(text: string): string {
  return normalizeTitle(text).replace(/\([^)]*\)/g, '');
}

function readProfile(g: Grid, file: string, problems: ProblemList) {
  const values = new Map<ProfileKey, string | number | null>();
  const figures: Record<string, number> = {};
  let unit: AmountUnit | null = null;
  for (let r = 1; r <= g.rowCount; r++) {
    const label = g.text(r, 1);
    // Skip empty rows and a title merged across the label and value columns.
    if (!label || g.origin(r, 1) === g.origin(r, 2)) continue;
    const def = PROFILE_LOOKUP.get(labelKey(label));
    const at = { file, sheet: g.name, row: r, col: 2 };
    const raw = g.value(r, 2);
    if (!def) {
      if (normalizeTitle(label) === '项目' || raw == null || String(raw).trim() === '') continue;
      const n = readAmount(raw, at, label, problems);
      if (n != null) figures[cleanName(label) ?? label] = n;
      continue;
    }
    if (values.has(def.key)) continue;
    unit ??= def.kind === 'amount' ? unitInTitle(label) : null;
    if (def.kind === 'amount') values.set(def.key, readAmount(raw, at, cleanName(label) ?? label, problems));
    else if (def.kind === 'integer') values.set(def.key, readInteger(raw, at, cleanName(label) ?? label, problems));
    else values.set(def.key, def.key === 'department' || def.key === 'amountUnit' ? cleanName(raw == null ? null : String(raw)) : readText(raw));
  }
  return { values, figures, unit };
}

function readTasks(g: Grid, header: HeaderMatch<TaskField>, file: string, problems: ProblemList): KeyTask[] {
  const tasks: KeyTask[] = [];
  const col = (f: TaskField) => header.columns.get(f);
  for (let r = header.dataStart; r <= g.rowCount; r++) {
    const cell = (f: TaskField) => {
      const c = col(f);
      return c === undefined ? null : g.value(r, c);
    };
    const fields: TaskField[] = ['name', 'content', 'funds', 'expected', 'projects'];
    if (fields.every((f) => cell(f) == null || String(cell(f)).trim() === '')) continue;
    const name = cleanName(cell('name') == null ? null : String(cell('name')));
    if (!name) {
      problems.error('missing-task-name', '这一行有内容但没有任务名称，未读取：请填写任务名称', { file, sheet: g.name, row: r, column: colLetter(col('name') ?? 1) });
      continue;
    }
    const fundsCol = col('funds');
    const projectsText = readText(cell('projects'));
    tasks.push({
      name,
      content: readText(cell('content')),
      funds: fundsCol === undefined ? null : readAmount(g.value(r, fundsCol), { file, sheet: g.name, row: r, col: fundsCol }, '任务资金', problems),
      expected: readText(cell('expected')),
      projects: projectsText ? projectsText.split(/[\n;；]+/).map((s) => cleanName(s)).filter((s): s is string => !!s) : [],
    });
  }
  return tasks;
}

function readIndicators(g: Grid, header: HeaderMatch<ProjectField>, file: string, problems: ProblemList): Indicator[] {
  const out: Indicator[] = [];
  for (let r = header.dataStart; r <= g.rowCount; r++) {
    const rr: RowReader = { grid: g, row: r, columns: header.columns, file, problems };
    if (!hasIndicatorData(rr)) continue;
    const ind = readIndicatorRow(rr, 'no', out.length + 1);
    if (ind) out.push(ind);
  }
  return out;
}
