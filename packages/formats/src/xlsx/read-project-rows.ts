/**
 * Reads the rows of a project table (the template's 项目 sheet or a district table) into entries: the 合计 row,
 * unit 小计 rows and project rows. Indicators come from a compact 绩效指标 cell or from indicator columns, one per
 * row; a row with indicator data and no project name continues the project above (cells merged down read as
 * their master's value, so a name merged over its indicator rows continues too). Bad cells become problems.
 */
import { type Project, type ProblemList } from '@jixiao/core';
import { normalizeTitle, PROJECT_FIELD_TITLES, type ProjectField } from './columns';
import { looksLikeCompactIndicators, parseCompactIndicators } from './compact-indicators';
import type { Grid } from './grid';
import type { HeaderMatch } from './find-header';
import { cellText, hasIndicatorData, readIndicatorRow, where, type RowReader } from './indicator-row';
import { cleanName, locate, readAmount, readInteger, readText, truncate } from './values';

export type Entry =
  | { kind: 'total'; amount: number | null; row: number }
  | { kind: 'subtotal'; unit: string | null; unitCode: string | null; amount: number | null; row: number }
  | { kind: 'project'; unit: string | null; unitCode: string | null; project: Project; row: number; detailed: boolean };

const TOTAL = /^(合计|总计|总合计|全部合计)(\(.*\))?$/;
const SUBTOTAL = /^(小计|单位小计|本单位小计)(\(.*\))?$|小计$/;
const NAME_TITLES = new Set(PROJECT_FIELD_TITLES.name.map(normalizeTitle));

export function readProjectRows(grid: Grid, header: HeaderMatch<ProjectField>, file: string, problems: ProblemList): Entry[] {
  const entries: Entry[] = [];
  const columns = header.columns;
  let current: { entry: Extract<Entry, { kind: 'project' }>; nameOrigin: string } | null = null;
  const perRowIndicators = columns.has('indicatorName');

  for (let row = header.dataStart; row <= grid.rowCount; row++) {
    const rr: RowReader = { grid, row, columns, file, problems };
    const nameText = cellText(rr, 'name');
    const label = normalizeTitle(nameText || cellText(rr, 'no') || cellText(rr, 'unit'));
    if (rowIsEmpty(rr)) continue;
    if (NAME_TITLES.has(normalizeTitle(nameText))) continue; // a header repeated on a new page

    if (TOTAL.test(label)) {
      entries.push({ kind: 'total', amount: amount(rr, 'amount', '合计金额'), row });
      current = null;
      continue;
    }
    if (SUBTOTAL.test(normalizeTitle(nameText))) {
      entries.push({ kind: 'subtotal', unit: cleanName(cellText(rr, 'unit')), unitCode: cleanName(cellText(rr, 'unitCode')), amount: amount(rr, 'amount', '小计金额'), row });
      current = null;
      continue;
    }

    const name = cleanName(nameText);
    const nameOrigin = columns.has('name') ? grid.origin(row, columns.get('name') ?? 1) : '';
    const indicatorHere = perRowIndicators && hasIndicatorData(rr);
    // Continuation: an indicator row under its project (name empty, or the same merged/repeated name).
    if (current && indicatorHere && (!name || nameOrigin === current.nameOrigin || (name === current.entry.project.name && sameCode(rr, current.entry.project)))) {
      const ind = readIndicatorRow(rr, 'indicatorNo', current.entry.project.indicators.length + 1);
      if (ind) current.entry.project.indicators.push(ind);
      continue;
    }
    if (!name) {
      problems.error('missing-project-name', '这一行有内容但没有项目名称，未作为项目读取：请填写项目名称', locate(where(rr, 'name')));
      current = null;
      continue;
    }

    const project = readProject(rr, name);
    if (indicatorHere) {
      const ind = readIndicatorRow(rr, 'indicatorNo', 1);
      if (ind) project.indicators.push(ind);
    }
    const detailed = Boolean(project.code || project.goal || project.description || project.category || project.indicators.length || indicatorHere);
    const entry: Extract<Entry, { kind: 'project' }> = { kind: 'project', unit: cleanName(cellText(rr, 'unit')), unitCode: cleanName(cellText(rr, 'unitCode')), project, row, detailed };
    entries.push(entry);
    current = { entry, nameOrigin };
  }
  return entries;
}

function readProject(rr: RowReader, name: string): Project {
  const noColumn = rr.columns.get('no');
  const project: Project = {
    name,
    code: cleanName(cellText(rr, 'code')),
    amount: amount(rr, 'amount', '金额'),
    funding: { fiscal: amount(rr, 'fiscal', '财政拨款'), specialAccount: amount(rr, 'specialAccount', '财政专户拨款'), other: amount(rr, 'other', '其他资金') },
    category: cleanName(cellText(rr, 'category')),
    description: readText(cellText(rr, 'description')),
    goal: readText(cellText(rr, 'goal')),
    indicators: [],
  };
  if (noColumn !== undefined && !rr.columns.has('indicatorName')) {
    const no = readInteger(rr.grid.value(rr.row, noColumn), { ...where(rr, 'no'), col: noColumn }, '序号', rr.problems);
    if (no != null) project.no = no;
  }
  const compact = cellText(rr, 'compactIndicators');
  if (compact) readCompact(rr, compact, project);
  return project;
}

function readCompact(rr: RowReader, text: string, project: Project): void {
  const at = locate(where(rr, 'compactIndicators'));
  if (!looksLikeCompactIndicators(text)) {
    rr.problems.warning('indicators-unreadable', `项目「${project.name}」的绩效指标单元格不是「1、1-产出指标; 11-数量指标; 名称; 实施周期指标值:…; 年度指标值:…。」格式，未能读取：${truncate(text)}`, { ...at, project: project.name });
    return;
  }
  const parsed = parseCompactIndicators(text);
  project.indicators.push(...parsed.indicators);
  for (const issue of parsed.issues) {
    const msg =
      issue.reason === 'no-name'
        ? `项目「${project.name}」第 ${issue.no} 个指标没有名称，未读取：${truncate(issue.text)}`
        : issue.reason === 'no-annual-target'
          ? `项目「${project.name}」第 ${issue.no} 个指标只有实施周期指标值、没有年度指标值，单元格内容可能被截断`
          : `项目「${project.name}」第 ${issue.no} 个指标没有指标值`;
    rr.problems.warning(issue.reason === 'no-name' ? 'indicator-unreadable' : 'indicator-cut-off', msg, { ...at, project: project.name, indicator: issue.no });
  }
}

function amount(rr: RowReader, field: ProjectField, label: string): number | null {
  const c = rr.columns.get(field);
  if (c === undefined) return null;
  return readAmount(rr.grid.value(rr.row, c), { file: rr.file, sheet: rr.grid.name, row: rr.row, col: c }, label, rr.problems);
}

function sameCode(rr: RowReader, project: Project): boolean {
  const code = cleanName(cellText(rr, 'code'));
  return code === null || code === project.code;
}

function rowIsEmpty(rr: RowReader): boolean {
  for (const c of rr.columns.values()) if (rr.grid.text(rr.row, c) !== '') return false;
  return true;
}
