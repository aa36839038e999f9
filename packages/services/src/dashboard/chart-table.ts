/**
 * One chart's data as a table (the columns people read on the page, in Chinese, amounts in 万元), for its workbook:
 * what `exportDashboardChart` hands the formats' table writer.
 */
import { DASHBOARD_CHART_TITLES, type DashboardChart, type DashboardDto } from '@jixiao/contract/dashboard';
import { LIGHT_LABELS } from '@jixiao/core';
import { checkName } from './review-conclusions';

export interface ChartTable {
  title: string;
  /** Each column's heading, and the number format of its cells (`amount`: 万元 with separators, `percent`). */
  columns: Array<{ header: string; format?: 'amount' | 'percent' | 'number' }>;
  rows: Array<Array<string | number | null>>;
}

export function chartTable(dashboard: DashboardDto, chart: DashboardChart): ChartTable {
  const where = dashboard.department ? dashboard.department.name : '全部部门';
  const title = `${dashboard.year ?? ''}年度 ${where} ${DASHBOARD_CHART_TITLES[chart]}`;
  const nameHeader = dashboard.department ? '项目或文档' : '部门';
  switch (chart) {
    case 'execution':
      return {
        title,
        columns: [{ header: nameHeader }, { header: '全年预算数（万元）', format: 'amount' }, { header: '执行数（万元）', format: 'amount' }, { header: '执行率（%）', format: 'percent' }, { header: '截止月份', format: 'number' }, { header: '序时进度（%）', format: 'percent' }, { header: '与序时进度相差（百分点）', format: 'percent' }, { header: '预警灯' }],
        rows: dashboard.execution.map((r) => [r.label, r.budgetWan, r.spentWan, r.executionRate, r.cutoffMonth, r.timeProgress, r.gap, r.light ? LIGHT_LABELS[r.light] : null]),
      };
    case 'lights':
      return {
        title,
        columns: [{ header: dashboard.department ? '监控报告' : '部门' }, ...(['red', 'yellow', 'green', 'blue'] as const).map((k) => ({ header: `${LIGHT_LABELS[k]}（条）`, format: 'number' as const }))],
        rows: dashboard.lights.map((r) => [r.label, r.red, r.yellow, r.green, r.blue]),
      };
    case 'conclusions':
      return {
        title,
        columns: [{ header: dashboard.department ? '目标文档' : '部门' }, ...(['优', '良', '中', '差'] as const).map((k) => ({ header: `${k}（份）`, format: 'number' as const })), { header: '审核得分', format: 'number' }],
        rows: dashboard.conclusions.rows.map((r) => [r.label, r.优, r.良, r.中, r.差, r.total]),
      };
    case 'scores':
      return {
        title,
        columns: [{ header: nameHeader }, { header: '年度', format: 'number' }, { header: '自评个数', format: 'number' }, { header: '平均得分', format: 'number' }, { header: '等级' }, { header: '上年平均得分', format: 'number' }, { header: '同比变化（分）', format: 'number' }, { header: '评分依据' }],
        rows: dashboard.scores.map((r) => [r.label, r.year, r.count, r.average, r.grade, r.previous, r.change, r.source]),
      };
    case 'checks':
      return {
        title,
        columns: [{ header: '审核问题' }, { header: '出现次数', format: 'number' }, { header: '涉及文档（份）', format: 'number' }, { header: '涉及部门（个）', format: 'number' }],
        rows: dashboard.checks.map((r) => [checkName(r.checkId), r.count, r.documents, r.departments]),
      };
  }
}
