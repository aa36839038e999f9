/**
 * The import preview (issue 10 item 7): what `prepareImport` read from a file, summed up for the person before they
 * confirm — kind, department, units, year, projects with amounts and indicator counts, and every problem with its
 * place put in words. Nothing is stored; a refused file throws exactly as the import would.
 */
import { DOCUMENT_KIND_LABELS, type ImportPreviewDto, type PreviewProblemDto } from '@jixiao/contract';
import { countIndicators, listProjects, sumAmounts, type Problem, type ProblemLocation } from '@jixiao/core';
import type { PreparedImport } from './prepare-import';

/** Locations the layout readers may add (PDF/Word: page and table) besides the core's fields. */
type AnyLocation = ProblemLocation & { page?: number; table?: number };

const isColumnLetter = (c: string) => /^[A-Z]{1,3}$/.test(c);

/** `第 2 页、第 1 个表格、第 5 行、列「指标值」`, `工作表「项目」第 7 行、C 列`; null when there is no place. */
export function locationInWords(location: AnyLocation): string | null {
  const parts: string[] = [];
  if (typeof location.page === 'number') parts.push(`第 ${location.page} 页`);
  if (typeof location.table === 'number') parts.push(`第 ${location.table} 个表格`);
  const row = location.row ?? location.line;
  if (location.sheet) parts.push(`工作表「${location.sheet}」${row !== undefined ? `第 ${row} 行` : ''}`);
  else if (row !== undefined) parts.push(`第 ${row} 行`);
  if (location.column) parts.push(isColumnLetter(location.column) ? `${location.column} 列` : `列「${location.column}」`);
  if (location.unit) parts.push(`单位「${location.unit}」`);
  if (location.project) parts.push(`项目「${location.project}」`);
  if (location.indicator !== undefined) parts.push(`第 ${location.indicator} 条指标`);
  if (location.field) parts.push(`「${location.field}」`);
  return parts.length ? parts.join('、') : null;
}

export function previewProblem(problem: Problem): PreviewProblemDto {
  return { severity: problem.severity, message: problem.message, where: locationInWords(problem.location) };
}

export function previewImport(prepared: PreparedImport): ImportPreviewDto {
  const { document: doc, year, fileName } = prepared;
  const projects = listProjects(doc).map(({ unit, project }) => ({
    unit: unit.name,
    name: project.name,
    amount: project.amount,
    indicatorCount: project.indicators.length,
    budget: project.budget ? { initial: project.budget.initial, adjusted: project.budget.adjusted, spent: project.budget.spent } : null,
  }));
  return {
    fileName,
    kind: doc.kind,
    kindLabel: DOCUMENT_KIND_LABELS[doc.kind],
    department: doc.department,
    units: doc.units.map((u) => u.name).filter((name) => name.trim() !== ''),
    year,
    amountUnit: doc.amountUnit,
    statedTotal: doc.statedTotal,
    projectTotal: sumAmounts(
      projects.map((p) => p.amount),
      doc.amountUnit,
    ),
    projects,
    projectCount: projects.length,
    indicatorCount: countIndicators(doc),
    keyTaskCount: doc.keyTasks?.length ?? 0,
    departmentIndicatorCount: doc.indicators?.length ?? 0,
    problems: doc.problems.map(previewProblem),
  };
}
