/**
 * Seed 004's layout: 部门整体支出绩效自评表 (荔湾区, text extracted from the PDF). Sections, in order:
 * title and （2021年度）; 部门名称 … 单位：万元; 部门资金情况 (budget.ts); 年度目标 with 预期目标 and 完成情况;
 * 主要任务 with key indicators (tasks.ts, indicators.ts); 存在问题; 改进措施; a stated score and grade when printed.
 * Every section is optional: what is missing is reported with its line and left null, never filled in.
 * Self-evaluation *reports* (seeds 001, 003) are prose with other headings and are not claimed here.
 */
import { cleanCell, emptyDocument, parseLooseNumber, ProblemList, type PerformanceDocument } from '@jixiao/core';
import type { TextLayout, TextLayoutContext } from '../text/layout';
import { budgetFromRows, isBudgetHeader, readBudgetRows } from './text/budget';
import { findLine, joinCell, paragraphs, toLines, type Line } from '../text/lines';
import { readTasks, TASK_START } from './text/tasks';

const TITLE = /部门整体支出绩效自评表/;
const TASKS_HEADER = /^主要任务/;
const GOAL_HEADING = /^年度(总体)?目标$/;
const ISSUES_HEADING = /^存在(的主要)?问题/;
const IMPROVEMENTS_HEADING = /^(改进措施|改进意见|下一步改进措施)/;
const SCORE = /(?:自评得分|自评总分|总分|得分)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分?/;
const GRADE = /(?:自评等级|评价等级|等级|自评结果)\s*[:：]?\s*([优良中差])/;

export const departmentSelfEvaluationTable: TextLayout = {
  id: 'text/department-self-evaluation-table',
  title: '部门整体支出绩效自评表',
  detect,
  parse,
};

/**
 * The title in the first lines, the budget header with its rate columns, the key-indicator header, and rows `任务N`.
 * The title alone is not enough (a report may name the table it attaches), nor are the rest without it by much.
 */
function detect(text: string): number {
  const lines = toLines(text.slice(0, 200_000));
  const head = lines.filter((l) => l.text !== '').slice(0, 8);
  let score = 0;
  if (head.some((l) => TITLE.test(l.text.replace(/\s+/g, '')))) score += 0.4;
  if (lines.some((l) => isBudgetHeader(l.text) && /调整/.test(l.text))) score += 0.25;
  if (lines.some((l) => TASKS_HEADER.test(l.text) && /关键指标/.test(l.text) && /(计算公式|预期实现值|指标内容)/.test(l.text))) score += 0.2;
  if (lines.some((l) => TASK_START.test(l.text) && /^任务\s*\d+$/.test(l.text))) score += 0.15;
  return score;
}

function parse(text: string, context: TextLayoutContext): PerformanceDocument {
  const doc = emptyDocument('department-self-evaluation');
  const problems = new ProblemList({ file: context.fileName });
  const lines = toLines(text);
  const nonBlank = lines.filter((l) => l.text !== '');
  if (nonBlank.length === 0) {
    problems.error('empty-text', '文件没有内容，未读取任何数据');
    doc.problems = problems.items;
    return doc;
  }

  readHeading(lines, doc, problems);

  const budgetAt = findLine(lines, /资金来源/);
  const goalAt = findLine(lines, GOAL_HEADING, Math.max(0, budgetAt));
  const tasksAt = findLine(lines, TASKS_HEADER);
  const issuesAt = findLine(lines, ISSUES_HEADING, Math.max(0, tasksAt));
  const improvementsAt = findLine(lines, IMPROVEMENTS_HEADING, Math.max(0, issuesAt));
  const next = (...candidates: number[]) => Math.min(...candidates.filter((c) => c >= 0), lines.length);

  if (budgetAt >= 0 && isBudgetHeader(lines[budgetAt]?.text ?? '')) {
    const rows = readBudgetRows(lines, budgetAt, next(goalAt, tasksAt, issuesAt), problems);
    if (rows.length) {
      doc.budget = budgetFromRows(rows);
      const total = rows.find((r) => /^(合计|总计)$/.test(r.source)) ?? (rows.length === 1 ? rows[0] : undefined);
      doc.statedExecutionRate = total?.statedExecutionRate ?? null;
      doc.statedAdjustmentRate = total?.statedAdjustmentRate ?? null;
      if (!total) problems.info('budget-total-missing', '部门资金情况没有「合计」行，部门整体的预算数未读取', { line: lines[budgetAt]?.no, field: '部门资金情况' });
    }
  } else {
    problems.warning('budget-missing', '没有读到部门资金情况（资金来源、年初预算数、调整数、实际支出数、预算完成率），预算数据未读取', { field: '部门资金情况' });
  }

  if (goalAt >= 0) readGoal(lines, goalAt + 1, next(tasksAt, issuesAt, improvementsAt), doc, problems);
  else problems.warning('goal-missing', '没有读到「年度目标」', { field: '年度目标' });

  if (tasksAt >= 0) doc.keyTasks = readTasks(lines, tasksAt + 1, next(issuesAt, improvementsAt), problems);
  else problems.warning('tasks-missing', '没有读到「主要任务」表，年度主要任务和关键指标未读取', { field: '主要任务' });

  if (issuesAt >= 0) doc.issuesText = sectionText(lines, issuesAt, next(improvementsAt), ISSUES_HEADING);
  else problems.warning('issues-missing', '没有读到「存在问题」', { field: '存在问题' });
  if (improvementsAt >= 0) doc.improvementsText = sectionText(lines, improvementsAt, scoreLineOrEnd(lines, improvementsAt + 1), IMPROVEMENTS_HEADING);
  else problems.warning('improvements-missing', '没有读到「改进措施」', { field: '改进措施' });

  readStatedScore(lines, Math.max(0, tasksAt, issuesAt), doc);
  doc.problems = problems.items;
  return doc;
}

/** Year from （2021年度）, department from 部门名称, amount unit from 单位：万元. */
function readHeading(lines: readonly Line[], doc: PerformanceDocument, problems: ProblemList) {
  const top = lines.slice(0, 30);
  const year = top.map((l) => /[（(]\s*(\d{4})\s*年度?\s*[)）]|^(\d{4})\s*年度/.exec(l.text)).find(Boolean);
  const y = year ? Number(year[1] ?? year[2]) : NaN;
  if (Number.isInteger(y) && y > 1990 && y < 2200) doc.year = y;
  else problems.warning('year-missing', '没有读到年度（如「（2021年度）」）', { field: '年度' });

  const deptLine = top.find((l) => /部门名称/.test(l.text));
  doc.department = cleanCell(deptLine ? departmentInLine(deptLine.text) : null);
  if (!doc.department) problems.warning('department-missing', '没有读到部门名称', { line: deptLine?.no, field: '部门名称' });

  const unitLine = top.find((l) => /单位\s*[:：]\s*(万元|元)/.test(l.text));
  const unit = unitLine ? /单位\s*[:：]\s*(万元|元)/.exec(unitLine.text)?.[1] : undefined;
  if (unit === '万元' || unit === '元') doc.amountUnit = unit;
  else problems.warning('amount-unit-missing', '没有写明金额单位（单位：万元/元），按万元读取，请核对', { field: '单位' });
}

/** 部门整体支出的预期目标 and 目标完成情况: the first paragraph after the column header, then the rest. */
function readGoal(lines: readonly Line[], from: number, to: number, doc: PerformanceDocument, problems: ProblemList) {
  let start = from;
  while (start < to && (lines[start]?.text === '' || /预期目标|完成情况/.test(lines[start]?.text ?? ''))) start++;
  const paras = paragraphs(lines, start, to);
  doc.goalText = joinCell(paras[0] ?? []);
  doc.goalCompletion = joinCell(paras.slice(1).flat());
  if (doc.goalText === null) problems.warning('goal-missing', '「年度目标」下没有读到预期目标', { line: lines[from - 1]?.no, field: '年度目标' });
  if (doc.goalCompletion === null) problems.warning('goal-completion-missing', '「年度目标」下没有读到目标完成情况', { line: lines[from - 1]?.no, field: '年度目标' });
}

/** A section's text as written; text on the heading's own line after the heading word is kept. */
function sectionText(lines: readonly Line[], at: number, to: number, heading: RegExp): string | null {
  const first = (lines[at]?.text ?? '').replace(heading, '').replace(/^[\s:：]+/, '');
  return cleanCell([first, ...lines.slice(at + 1, to).map((l) => l.text)].join('\n'));
}

function scoreLineOrEnd(lines: readonly Line[], from: number): number {
  const at = findLine(lines, new RegExp(`^(${SCORE.source}|${GRADE.source})`), from);
  return at >= 0 ? at : lines.length;
}

/** 自评得分 / 等级 when the table prints them (seed 004 does not); only after the task table, so a formula's 得分 is not taken. */
function readStatedScore(lines: readonly Line[], from: number, doc: PerformanceDocument) {
  for (const line of lines.slice(from)) {
    const text = line.text.replace(/\s+/g, '');
    const s = new RegExp(`^${SCORE.source}`).exec(text);
    if (s && doc.statedScore == null) doc.statedScore = parseLooseNumber(s[1]);
    const g = new RegExp(`^${GRADE.source}`).exec(text);
    if (g && doc.statedGrade == null) doc.statedGrade = g[1] ?? null;
  }
  doc.statedScore ??= null;
  doc.statedGrade ??= null;
}

/**
 * `部门名称：广州市… （部门） 单位：万元` → the name. Cut by hand rather than one lazy pattern, which retried `\s*…$`
 * from every position and was quadratic on a long run of spaces.
 */
function departmentInLine(text: string): string | null {
  const at = text.indexOf('部门名称');
  if (at < 0) return null;
  let rest = text.slice(at + 4).replace(/^\s*[:：]?/, '');
  const unit = /单位\s*[:：]/.exec(rest);
  if (unit) rest = rest.slice(0, unit.index);
  rest = rest.trimEnd();
  const marker = /[（(]\s*部门\s*[)）]$/.exec(rest.slice(-20));
  if (marker) rest = rest.slice(0, rest.length - marker[0].length);
  return rest;
}
