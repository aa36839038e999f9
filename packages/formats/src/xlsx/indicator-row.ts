/**
 * One 三级指标 from a table row that has indicator columns (the template's 绩效指标 sheet, or district tables
 * with one indicator per row). Levels may be written as `1-产出指标` in one cell or as code and name in two.
 */
import { inferDirection, parseTarget, splitLevel, type Indicator, type ProblemList } from '@jixiao/core';
import type { ProjectField } from './columns';
import type { Grid } from './grid';
import { DIRECTION_WORDS } from '../templates/template-layout';
import { cleanName, locate, readInteger, readText, truncate } from './values';

export const INDICATOR_FIELDS: readonly ProjectField[] = ['level1Code', 'level1', 'level2Code', 'level2', 'indicatorName', 'periodTarget', 'annualTarget', 'explanation', 'formula', 'direction'];

export interface RowReader {
  grid: Grid;
  row: number;
  columns: ReadonlyMap<ProjectField, number>;
  file: string;
  problems: ProblemList;
}

export function cellText(rr: RowReader, field: ProjectField): string {
  const c = rr.columns.get(field);
  return c === undefined ? '' : rr.grid.text(rr.row, c);
}

export function where(rr: RowReader, field: ProjectField) {
  return { file: rr.file, sheet: rr.grid.name, row: rr.row, col: rr.columns.get(field) ?? 1 };
}

export function hasIndicatorData(rr: RowReader): boolean {
  return INDICATOR_FIELDS.some((f) => cellText(rr, f) !== '');
}

/**
 * Reads the indicator on this row, or null (with a problem) when the row has indicator data but no 三级指标 name.
 * `noField` is the column holding the indicator's 序号; `fallbackNo` is used when it is empty.
 */
export function readIndicatorRow(rr: RowReader, noField: ProjectField, fallbackNo: number): Indicator | null {
  const name = cleanName(cellText(rr, 'indicatorName'));
  if (!name) {
    rr.problems.error('missing-indicator-name', '这一行填了指标内容但没有三级指标名称，未读取：请填写三级指标', locate(where(rr, 'indicatorName')));
    return null;
  }
  const l1 = level(cellText(rr, 'level1Code'), cellText(rr, 'level1'));
  const l2 = level(cellText(rr, 'level2Code'), cellText(rr, 'level2'));
  const periodTarget = parseTarget(cellText(rr, 'periodTarget') || null);
  const annualTarget = parseTarget(cellText(rr, 'annualTarget') || null);
  const noColumn = rr.columns.get(noField);
  const no = noColumn === undefined ? null : readInteger(rr.grid.value(rr.row, noColumn), { ...where(rr, noField), col: noColumn }, '指标序号', rr.problems);
  const indicator: Indicator = {
    no: no ?? fallbackNo,
    level1: l1.name,
    level1Code: l1.code,
    level2: l2.name,
    level2Code: l2.code,
    name,
    periodTarget,
    annualTarget,
    direction: readDirection(rr, name, annualTarget ?? periodTarget),
  };
  const explanation = readText(cellText(rr, 'explanation'));
  const formula = readText(cellText(rr, 'formula'));
  if (explanation) indicator.explanation = explanation;
  if (formula) indicator.formula = formula;
  return indicator;
}

function level(codeCell: string, nameCell: string): { code: string | null; name: string | null } {
  const split = nameCell ? splitLevel(nameCell) : { code: null, name: '' };
  const code = codeCell.replace(/\s+/g, '') || split.code;
  return { code: code || null, name: split.name || null };
}

function readDirection(rr: RowReader, name: string, target: ReturnType<typeof parseTarget>) {
  const text = cellText(rr, 'direction').replace(/\s+/g, '');
  if (text === DIRECTION_WORDS.higher || text === 'higher' || text === '正向') return 'higher';
  if (text === DIRECTION_WORDS.lower || text === 'lower' || text === '反向') return 'lower';
  if (text !== '') {
    rr.problems.warning('bad-direction', `指标方向「${truncate(text)}」无法识别，已按指标值自动判断：请填写「越高越好」或「越低越好」`, locate(where(rr, 'direction')));
  }
  return inferDirection(name, target);
}
