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

/**
 * Readers name some fields by the model's property (`amountUnit`), others by the printed label (`合计`). The page
 * shows words only: a property becomes its label here, and a property not listed is left out rather than shown.
 */
const FIELD_LABELS: Record<string, string> = {
  amount: '金额',
  amountUnit: '金额单位',
  annualTarget: '年度指标值',
  periodTarget: '实施期指标值',
  category: '项目类别',
  code: '编码',
  unitCode: '单位编码',
  content: '任务内容',
  description: '项目概况',
  direction: '指标方向',
  expected: '预期目标',
  explanation: '指标解释',
  formula: '计算公式',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  funds: '资金',
  goal: '绩效目标',
  indicatorName: '指标名称',
  label: '名称',
  name: '名称',
  level1: '一级指标',
  level1Code: '一级指标编码',
  level2: '二级指标',
  level2Code: '二级指标编码',
  no: '序号',
  projects: '关联项目',
  unit: '单位',
  value: '指标值',
};

function fieldInWords(field: string): string | null {
  if (!/[A-Za-z]/.test(field)) return field;
  return FIELD_LABELS[field] ?? null;
}

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
  const field = location.field ? fieldInWords(location.field) : null;
  if (field) parts.push(`「${field}」`);
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
