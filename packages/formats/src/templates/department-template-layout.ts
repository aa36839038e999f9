/**
 * The department-targets template (部门整体绩效目标模板): 部门整体 (label | value rows: 部门, 年度, 金额单位,
 * 职能, 总体目标, budget figures), 重点工作任务 (one task per row) and 部门绩效指标 (one 三级指标 per row).
 */
import type { AmountUnit } from '@jixiao/core';
import type { ProjectField } from '../xlsx/columns';
import { amountTitle, type TemplateColumn } from './template-layout';

export const DEPARTMENT_SHEETS = { overview: '部门整体', tasks: '重点工作任务', indicators: '部门绩效指标', guide: '说明' } as const;

export type ProfileKey = 'department' | 'year' | 'amountUnit' | 'functions' | 'overallGoal' | 'budgetTotal' | 'basicExpenditure' | 'projectExpenditure' | 'authorized' | 'actualStaff' | 'retired';

/** Rows of the 部门整体 sheet, in order; the first label is written, all are read. */
export const PROFILE_ROWS: ReadonlyArray<{ key: ProfileKey; labels: readonly string[]; kind: 'text' | 'amount' | 'integer' }> = [
  { key: 'department', labels: ['部门名称', '部门', '单位名称'], kind: 'text' },
  { key: 'year', labels: ['年度', '预算年度'], kind: 'integer' },
  { key: 'amountUnit', labels: ['金额单位', '单位'], kind: 'text' },
  { key: 'functions', labels: ['部门主要职能', '部门职能', '主要职能'], kind: 'text' },
  { key: 'overallGoal', labels: ['总体绩效目标', '总体目标', '部门整体绩效目标', '年度总体目标'], kind: 'text' },
  { key: 'budgetTotal', labels: ['部门预算支出合计', '预算支出合计', '部门预算总额', '预算总额', '部门预算支出'], kind: 'amount' },
  { key: 'basicExpenditure', labels: ['基本支出'], kind: 'amount' },
  { key: 'projectExpenditure', labels: ['项目支出'], kind: 'amount' },
  { key: 'authorized', labels: ['编制数', '财政供养人员数'], kind: 'integer' },
  { key: 'actualStaff', labels: ['实有人数'], kind: 'integer' },
  { key: 'retired', labels: ['离退休人员', '离退休人数'], kind: 'integer' },
];

export type TaskField = 'no' | 'name' | 'content' | 'funds' | 'expected' | 'projects';

export const TASK_TITLES: Record<TaskField, readonly string[]> = {
  no: ['序号'],
  name: ['任务名称', '重点工作任务', '年度重点工作任务', '主要任务', '工作任务'],
  content: ['主要内容', '任务内容', '实施内容', '工作内容'],
  funds: ['资金', '任务资金', '预算资金', '涉及资金', '任务涉及资金', '资金总额', '金额'],
  expected: ['预期成效', '预期目标', '预期效果', '年初预期目标', '预期实现目标'],
  projects: ['关联项目', '涉及项目', '对应项目', '项目名称'],
};

export function taskColumns(unit: AmountUnit): TemplateColumn<TaskField>[] {
  return [
    { field: 'name', title: '任务名称', width: 24 },
    { field: 'content', title: '主要内容', width: 44, kind: 'longText' },
    { field: 'funds', title: amountTitle('资金', unit), width: 14, kind: 'amount' },
    { field: 'expected', title: '预期成效', width: 44, kind: 'longText' },
    { field: 'projects', title: '关联项目', width: 36, kind: 'longText' },
  ];
}

export const DEPARTMENT_INDICATOR_COLUMNS: TemplateColumn<ProjectField>[] = [
  { field: 'no', title: '序号', width: 6, kind: 'integer' },
  { field: 'level1Code', title: '一级指标编码', width: 8 },
  { field: 'level1', title: '一级指标', width: 12 },
  { field: 'level2Code', title: '二级指标编码', width: 8 },
  { field: 'level2', title: '二级指标', width: 16 },
  { field: 'indicatorName', title: '三级指标', width: 28 },
  { field: 'explanation', title: '指标解释', width: 34, kind: 'longText' },
  { field: 'formula', title: '计算公式', width: 34, kind: 'longText' },
  { field: 'annualTarget', title: '目标值', width: 14 },
  { field: 'periodTarget', title: '实施周期指标值', width: 14 },
  { field: 'direction', title: '指标方向', width: 10 },
];

export const TASK_HEADER_ROW = 2;
export const DEPARTMENT_INDICATOR_HEADER_ROW = 2;
