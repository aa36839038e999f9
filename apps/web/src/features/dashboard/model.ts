/**
 * 数据看板's pure part: each chart's ECharts option from the rows the server sent, the names people read (the
 * department's short name, 万元 with separators, percentages), and where a bar leads when clicked.
 */
import { formatAmount, LIGHT_NAMES } from '@jixiao/core';
import type { EChartsCoreOption } from 'echarts/core';
import { shortOrgName } from '../../lib/format';
import type { CheckRowDto, ConclusionRowDto, ExecutionRowDto, LightRowDto, ScoreRowDto } from './api';

export const LIGHT_COLORS = { red: '#f5222d', yellow: '#faad14', green: '#52c41a', blue: '#1677ff' } as const;
const CONCLUSION_COLORS = { 优: '#52c41a', 良: '#1677ff', 中: '#faad14', 差: '#f5222d' } as const;

/**
 * A row's name on an axis: a department, or a document titled after it, by the part people say (「金花街道办事处…」,
 * not 「广州市荔湾区人民政府…」); a project as written.
 */
export const rowName = (r: { label: string }): string => shortOrgName(r.label);

/** Tall enough for every bar with its name (horizontal bars read at 390 px). */
export const chartHeight = (rows: number): number => Math.max(220, rows * 34 + 90);

export const percent = (n: number | null): string => (n == null ? '—' : `${formatAmount(n)}%`);

const categoryAxis = (names: string[]) => ({
  type: 'category',
  data: names,
  inverse: true,
  axisLabel: { width: 130, overflow: 'truncate', interval: 0 },
});
const grid = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true };

export function executionOption(rows: readonly ExecutionRowDto[]): EChartsCoreOption {
  const names = rows.map(rowName);
  return {
    grid,
    legend: { top: 0, data: ['执行率', '序时进度'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number }>) => {
        const r = rows[items[0]?.dataIndex ?? 0];
        if (!r) return '';
        return `${r.label}<br/>全年预算数 ${formatAmount(r.budgetWan)} 万元<br/>执行数 ${formatAmount(r.spentWan)} 万元<br/>执行率 ${percent(r.executionRate)}（1—${r.cutoffMonth} 月）<br/>序时进度 ${percent(r.timeProgress)}`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: categoryAxis(names),
    series: [
      { name: '执行率', type: 'bar', barMaxWidth: 28, data: rows.map((r) => ({ value: r.executionRate, itemStyle: r.light ? { color: LIGHT_COLORS[r.light] } : undefined })), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right', formatter: (p: { value: number | null }) => percent(p.value) } },
      { name: '序时进度', type: 'line', data: rows.map((r) => r.timeProgress), symbol: 'diamond', symbolSize: 10, lineStyle: { type: 'dashed' }, itemStyle: { color: '#595959' } },
    ],
  };
}

export function lightsOption(rows: readonly LightRowDto[]): EChartsCoreOption {
  return {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: categoryAxis(rows.map(rowName)),
    series: (['red', 'yellow', 'green', 'blue'] as const).map((k) => ({ name: LIGHT_NAMES[k], type: 'bar', barMaxWidth: 28, stack: 'lights', data: rows.map((r) => r[k]), itemStyle: { color: LIGHT_COLORS[k] } })),
  };
}

export function conclusionsOption(rows: readonly ConclusionRowDto[]): EChartsCoreOption {
  return {
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: categoryAxis(rows.map(rowName)),
    series: (['优', '良', '中', '差'] as const).map((k) => ({ name: k, type: 'bar', barMaxWidth: 28, stack: 'conclusions', data: rows.map((r) => r[k]), itemStyle: { color: CONCLUSION_COLORS[k] } })),
  };
}

export function scoresOption(rows: readonly ScoreRowDto[], drilled: boolean, year: number): EChartsCoreOption {
  return {
    grid,
    legend: { top: 0, data: [`${year} 年度`, drilled ? `${year - 1} 年度部门平均` : `${year - 1} 年度`] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number }>) => {
        const r = rows[items[0]?.dataIndex ?? 0];
        if (!r) return '';
        return `${r.label}<br/>${r.year} 年度 ${r.average ?? '—'} 分${r.grade ? `（${r.grade}）` : ''}<br/>上年 ${r.previous ?? '—'} 分，同比 ${changeText(r.change)}<br/>${r.source}`;
      },
    },
    xAxis: { type: 'value', max: 100 },
    yAxis: categoryAxis(rows.map(rowName)),
    series: [
      { name: `${year} 年度`, type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.average), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } },
      { name: drilled ? `${year - 1} 年度部门平均` : `${year - 1} 年度`, type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.previous), itemStyle: { color: '#bfbfbf' } },
    ],
  };
}

export function checksOption(rows: readonly CheckRowDto[]): EChartsCoreOption {
  return {
    grid,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number }>) => {
        const r = rows[items[0]?.dataIndex ?? 0];
        return r ? `${r.name}<br/>出现 ${r.count} 次，涉及 ${r.documents} 份文档、${r.departments} 个部门` : '';
      },
    },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: categoryAxis(rows.map((r) => r.name)),
    series: [{ name: '出现次数', type: 'bar', barMaxWidth: 28, data: rows.map((r) => r.count), itemStyle: { color: '#fa8c16' }, label: { show: true, position: 'right' } }],
  };
}

/** 「+2.50 分」「−1.00 分」「—」. */
export function changeText(change: number | null): string {
  if (change == null) return '—';
  return `${change > 0 ? '+' : change < 0 ? '−' : ''}${formatAmount(Math.abs(change))} 分`;
}

/** Where a clicked bar leads: a department drills down; in a department, a project's page, else its report or review. */
export function rowHref(chart: 'execution' | 'lights' | 'conclusions' | 'scores', r: { departmentId: number | null; projectId: number | null; documentId: number | null; evaluationId: number | null }, drilled: boolean): string | null {
  if (!drilled) return r.departmentId === null ? null : `/dashboard?departmentId=${r.departmentId}`;
  if (r.projectId !== null) return `/projects/${r.projectId}`;
  if (chart === 'execution' || chart === 'lights') return r.evaluationId === null ? null : `/monitoring/${r.evaluationId}`;
  if (chart === 'scores') return r.evaluationId !== null ? `/self-evaluation/${r.evaluationId}` : null;
  return r.documentId === null ? null : `/review/${r.documentId}`;
}
