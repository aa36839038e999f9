/**
 * The jixiao Excel templates: sheet names, column titles and the marker that identifies a workbook written by
 * jixiao. The writers use these titles; the readers find them with the same synonyms as any district table,
 * so a template whose columns were moved, renamed to a synonym or deleted still reads.
 */
import type { AmountUnit } from '@jixiao/core';
import type { ProjectField } from '../xlsx/columns';

/** Stored in the workbook's keywords (docProps/core.xml). */
export const TEMPLATE_MARKER = {
  project: 'jixiao:project-targets:v1',
  department: 'jixiao:department-targets:v1',
} as const;

export const PROJECT_SHEETS = { projects: '项目', indicators: '绩效指标', guide: '说明' } as const;

export interface TemplateColumn<F extends string> {
  field: F;
  title: string;
  width: number;
  kind?: 'amount' | 'integer' | 'text' | 'longText';
}

export function amountTitle(base: string, unit: AmountUnit): string {
  return `${base}(${unit})`;
}

export function projectColumns(unit: AmountUnit): TemplateColumn<ProjectField>[] {
  return [
    { field: 'no', title: '序号', width: 6, kind: 'integer' },
    { field: 'unit', title: '单位', width: 26 },
    { field: 'unitCode', title: '单位编码', width: 10 },
    { field: 'code', title: '项目编码', width: 16 },
    { field: 'name', title: '项目名称', width: 30 },
    { field: 'amount', title: amountTitle('金额', unit), width: 13, kind: 'amount' },
    { field: 'fiscal', title: '财政拨款', width: 12, kind: 'amount' },
    { field: 'specialAccount', title: '财政专户拨款', width: 12, kind: 'amount' },
    { field: 'other', title: '其他资金', width: 12, kind: 'amount' },
    { field: 'category', title: '项目类别', width: 20 },
    { field: 'description', title: '项目情况简介', width: 36, kind: 'longText' },
    { field: 'goal', title: '绩效目标', width: 44, kind: 'longText' },
  ];
}

export const INDICATOR_COLUMNS: TemplateColumn<ProjectField>[] = [
  { field: 'code', title: '项目编码', width: 16 },
  { field: 'name', title: '项目名称', width: 28 },
  { field: 'no', title: '序号', width: 6, kind: 'integer' },
  { field: 'level1Code', title: '一级指标编码', width: 8 },
  { field: 'level1', title: '一级指标', width: 12 },
  { field: 'level2Code', title: '二级指标编码', width: 8 },
  { field: 'level2', title: '二级指标', width: 16 },
  { field: 'indicatorName', title: '三级指标', width: 28 },
  { field: 'periodTarget', title: '实施周期指标值', width: 14 },
  { field: 'annualTarget', title: '年度指标值', width: 14 },
  { field: 'explanation', title: '指标解释', width: 30, kind: 'longText' },
  { field: 'formula', title: '计算公式', width: 30, kind: 'longText' },
  { field: 'direction', title: '指标方向', width: 10 },
];

/** Rows in the 项目 sheet: title, the 部门/年度/金额单位 line, then the header. */
export const PROJECT_HEADER_ROW = 3;
/** Rows in the 绩效指标 sheet: title, then the header. */
export const INDICATOR_HEADER_ROW = 2;

/** Labels written in the 项目名称 column for the rows that are not projects. */
export const TOTAL_LABEL = '合计';
export const SUBTOTAL_LABEL = '小计';

export const DIRECTION_WORDS = { higher: '越高越好', lower: '越低越好' } as const;

/** How many empty rows of the templates get data validation and number formats. */
export const VALIDATED_ROWS = 500;

export const LEVEL1_NAMES = ['产出指标', '效益指标', '满意度指标', '成本指标'];
export const LEVEL2_NAMES = ['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标'];
