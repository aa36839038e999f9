/**
 * Project-targets workbooks: the jixiao template (项目 + 绩效指标 sheets) and district tables like the official
 * 项目支出绩效目标表 (one or two header rows, merged cells, 万元 or 元, numbers stored as text, the compact
 * indicator cell, unit and 合计 rows). Every sheet's header is found by its column titles; sheets without a
 * recognisable header are ignored. Returns null when no sheet has a project table.
 */
import { emptyDocument, ProblemList, type AmountUnit, type PerformanceDocument } from '@jixiao/core';
import { fieldOfTitle, type ProjectField } from './columns';
import { departmentInNotes, findHeader, notesAbove, unitInNotes, yearInNotes, type HeaderMatch, type HeaderSpec } from './find-header';
import type { Grid } from './grid';
import { readIndicatorSheet } from './read-indicator-sheet';
import { readProjectRows, type Entry } from './read-project-rows';
import { resolveUnits } from './resolve-units';
import { PROJECT_SHEETS, TEMPLATE_MARKER } from '../templates/template-layout';
import { labelValueAbove } from './label-value';

const AMOUNT_FIELDS: readonly ProjectField[] = ['amount', 'fiscal', 'specialAccount', 'other'];
const PROJECT_ONLY: readonly ProjectField[] = [...AMOUNT_FIELDS, 'goal', 'compactIndicators', 'description', 'category'];

export const PROJECT_TABLE_SPEC: HeaderSpec<ProjectField> = { fieldOf: (t) => fieldOfTitle(t), required: ['name'], minFields: 3, amountFields: AMOUNT_FIELDS };
const INDICATOR_SHEET_SPEC: HeaderSpec<ProjectField> = { fieldOf: (t) => fieldOfTitle(t), required: ['indicatorName'], minFields: 3 };

export const PROJECT_LAYOUT_IDS = { template: 'xlsx/jixiao-project-template', table: 'xlsx/project-table' } as const;

export function readProjectWorkbook(grids: readonly Grid[], file: string, keywords: string): PerformanceDocument | null {
  const projectSheets: Array<{ grid: Grid; header: HeaderMatch<ProjectField> }> = [];
  const indicatorSheets: Array<{ grid: Grid; header: HeaderMatch<ProjectField> }> = [];
  for (const grid of grids) {
    const header = findHeader(grid, PROJECT_TABLE_SPEC);
    const isIndicatorSheet = (h: HeaderMatch<ProjectField>) => h.columns.has('indicatorName') && !PROJECT_ONLY.some((f) => h.columns.has(f));
    if (header && !isIndicatorSheet(header)) {
      projectSheets.push({ grid, header });
      continue;
    }
    const indicatorHeader = header ?? findHeader(grid, INDICATOR_SHEET_SPEC);
    if (indicatorHeader && isIndicatorSheet(indicatorHeader) && (indicatorHeader.columns.has('code') || indicatorHeader.columns.has('name'))) {
      indicatorSheets.push({ grid, header: indicatorHeader });
    }
  }
  const first = projectSheets[0];
  if (!first) return null;

  const problems = new ProblemList({ file });
  const notes = notesAbove(first.grid, first.header.row);
  const noteUnit = labelUnit(labelValueAbove(first.grid, first.header.row, ['金额单位', '单位'])) ?? unitInNotes(notes);
  const amountUnit = chooseUnit(first.header.unitInHeader, noteUnit, problems, first.grid.name, first.header.row);
  const department = labelValueAbove(first.grid, first.header.row, ['部门', '部门名称', '主管部门']) ?? departmentInNotes(notes);
  const yearText = labelValueAbove(first.grid, first.header.row, ['年度', '预算年度']);
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : yearInNotes(notes);

  const doc = emptyDocument('project-targets', amountUnit);
  doc.department = department;
  doc.year = year;
  for (const { grid, header } of projectSheets) {
    const entries: Entry[] = readProjectRows(grid, header, file, problems);
    const resolved = resolveUnits(entries, { hasUnitColumn: header.columns.has('unit'), fallbackUnit: department, amountUnit, file, sheet: grid.name, problems });
    doc.statedTotal ??= resolved.statedTotal;
    for (const u of resolved.units) {
      const same = doc.units.find((x) => x.name === u.name);
      if (same) {
        same.projects.push(...u.projects);
        same.statedAmount ??= u.statedAmount;
      } else doc.units.push(u);
    }
  }
  for (const { grid, header } of indicatorSheets) readIndicatorSheet(grid, header, doc.units, file, problems);

  const isTemplate = keywords.includes(TEMPLATE_MARKER.project) || (grids.some((g) => g.name === PROJECT_SHEETS.projects) && grids.some((g) => g.name === PROJECT_SHEETS.indicators));
  doc.problems = problems.items;
  doc.source = { file, sha256: null, layout: isTemplate ? PROJECT_LAYOUT_IDS.template : PROJECT_LAYOUT_IDS.table };
  return doc;
}

function labelUnit(text: string | null): AmountUnit | null {
  const t = text?.replace(/\s+/g, '');
  return t === '万元' || t === '元' ? t : null;
}

function chooseUnit(inHeader: AmountUnit | null, inNotes: AmountUnit | null, problems: ProblemList, sheet: string, row: number): AmountUnit {
  if (inHeader && inNotes && inHeader !== inNotes) {
    problems.warning('amount-unit-conflict', `表头写的金额单位是「${inHeader}」，表上方注明的是「${inNotes}」，按表头「${inHeader}」读取：请核对`, { sheet, row });
  }
  const unit = inHeader ?? inNotes;
  if (unit) return unit;
  problems.info('amount-unit-assumed', '表中没有注明金额单位（万元或元），按「万元」读取：请核对', { sheet, row });
  return '万元';
}
