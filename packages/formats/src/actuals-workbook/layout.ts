/**
 * The pre-filled actuals workbook (实际完成值填报表), shared by its writer and reader: the sheet names, the columns,
 * which are targets (grey, locked) and which the unit fills (yellow, unlocked), and the marker that ties a file to
 * one self-evaluation. Column A holds each row's key (hidden), so the reader maps a row back to its indicator even
 * when someone sorts or deletes rows.
 */
export const ACTUALS_SHEET = '实际完成值';
export const BUDGET_SHEET = '预算执行';
export const GUIDE_SHEET = '填报说明';

/** Header row of both data sheets (rows above: title and the evaluation line). */
export const HEADER_ROW = 3;

export const ACTUAL_COLUMNS = [
  { key: 'key', title: '行标识（勿改）', width: 10 },
  { key: 'group', title: '单位 / 任务', width: 18 },
  { key: 'project', title: '项目', width: 22 },
  { key: 'level1', title: '一级指标', width: 10 },
  { key: 'level2', title: '二级指标', width: 12 },
  { key: 'name', title: '三级指标', width: 26 },
  { key: 'target', title: '年度指标值', width: 14 },
  { key: 'weight', title: '分值', width: 7 },
  { key: 'actual', title: '实际完成值', width: 16, input: true },
  { key: 'tier', title: '定性档次', width: 11, input: true },
  { key: 'score', title: '评定得分', width: 9, input: true },
  { key: 'deviationReason', title: '偏差原因 / 超额说明', width: 30, input: true },
] as const;

export const BUDGET_COLUMNS = [
  { key: 'key', title: '行标识（勿改）', width: 10 },
  { key: 'label', title: '项目 / 资金来源', width: 36 },
  { key: 'planned', title: '目标申报金额', width: 14 },
  { key: 'initial', title: '年初预算数', width: 14, input: true },
  { key: 'adjusted', title: '全年预算数', width: 14, input: true },
  { key: 'spent', title: '全年执行数', width: 14, input: true },
] as const;

/** The row key of 年度目标 (departments, R8) on the actuals sheet. */
export const GOAL_ROW_KEY = 'goal';

export const TIER_WORDS = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' } as const;

export const TARGET_FILL = 'FFE7E6E6';
export const INPUT_FILL = 'FFFFF2CC';

export interface ActualsWorkbookIdentity {
  evaluationId: number;
  documentId: number;
  targetVersion: number;
  period: string;
}

/** Written into the workbook's keywords (docProps/core.xml), read back by the reader. */
export function identityMarker(id: ActualsWorkbookIdentity): string {
  return `jixiao-actuals evaluation=${id.evaluationId} document=${id.documentId} version=${id.targetVersion} period=${id.period}`;
}

export function parseIdentityMarker(keywords: string): ActualsWorkbookIdentity | null {
  const m = /jixiao-actuals evaluation=(\d+) document=(\d+) version=(\d+) period=(\S+)/.exec(keywords);
  return m ? { evaluationId: Number(m[1]), documentId: Number(m[2]), targetVersion: Number(m[3]), period: m[4]! } : null;
}

export const colOf = (columns: readonly { key: string }[], key: string): number => columns.findIndex((c) => c.key === key) + 1;
