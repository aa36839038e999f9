/**
 * Seeds 001 and 003: 部门整体支出绩效自评报告, prose extracted from the PDF. Sections, by their headings:
 * 一、基本情况 with 部门整体收支情况 / 部门整体资金情况 (figures.ts) and 部门整体支出绩效目标; 二、综合评价分析 with the
 * stated score or grade (自评结果为 97.67 分 / 为“良”) and, when the report has them, the weighted key-indicator tables
 * (key-indicators.ts); 三、存在的主要问题; 四/五、改进措施. A report without the tables (seed 001) has its 重点工作任务
 * read from the numbered paragraphs, without weights. Every section is optional: what is missing is reported with its
 * line and left null, never filled in. The table layout (seed 004) is `department-self-evaluation-table`.
 */
import { cleanCell, emptyDocument, ProblemList, type DepartmentProfile, type KeyTask, type PerformanceDocument } from '@jixiao/core';
import type { TextLayout, TextLayoutContext } from '../text/layout';
import { toLines, type Line } from '../text/lines';
import { readReportFigures, type ReportFigures } from './text/figures';
import { readKeyIndicatorTables } from './text/key-indicators';
import { contentLines, findHeading, joinLines, sectionEnd, sectionText, SUB_HEADING, TOP_HEADING, withoutSignature } from './text/prose';

const TITLE = /部门整体支出绩效自评报告/;
const EVALUATION = /^[一二三四五六七八九十]+、综合评价(分析)?/;
const FINANCES = /^[（(][一二三四五六七八九十]+[)）]部门整体(收支|资金)情况|^\d+[、.．]部门整体(资金|收支)情况/;
const GOAL = /^([（(][一二三四五六七八九十]+[)）]|\d+[、.．])部门整体(支出)?绩效目标$/;
const TASKS = /^[（(][一二三四五六七八九十]+[)）](部门)?年度重点工作任务$/;
const ISSUES = /^[一二三四五六七八九十]+、存在(的)?(主要)?问题/;
const IMPROVEMENTS = /^[一二三四五六七八九十]+、(下一步)?改进(措施|意见|建议)/;
const SCORE = /自评(?:结果|得分|总分)(?:为|是)?[:：]?[“"「]?(\d+(?:\.\d+)?)[”"」]?分/;
const GRADE = /自评(?:结果|等级)(?:为|是)?[:：]?[“"「]?([优良中差])[”"」]?/;

export const departmentSelfEvaluationReport: TextLayout = {
  id: 'text/department-self-evaluation-report',
  title: '部门整体支出绩效自评报告',
  detect,
  parse,
};

/**
 * The title (a report need not print one: seed 003 starts at 一、基本情况), the headings 综合评价分析, 存在问题 and
 * 改进措施, the income-and-spending section, and a stated 自评结果. A self-evaluation *table* has none of the prose headings.
 */
function detect(text: string): number {
  const lines = toLines(text.slice(0, 400_000));
  const squeezed = lines.map((l) => l.text.replace(/\s+/g, '')).filter((t) => t !== '');
  const head = squeezed.slice(0, 8).join('');
  let score = 0;
  if (TITLE.test(head)) score += 0.4;
  if (squeezed.some((t) => EVALUATION.test(t))) score += 0.2;
  if (squeezed.some((t) => FINANCES.test(t))) score += 0.2;
  if (squeezed.some((t) => ISSUES.test(t))) score += 0.1;
  if (squeezed.some((t) => IMPROVEMENTS.test(t))) score += 0.1;
  if (squeezed.some((t) => /自评(结论|结果)/.test(t))) score += 0.1;
  return Math.min(1, score);
}

function parse(text: string, context: TextLayoutContext): PerformanceDocument {
  const doc = emptyDocument('department-self-evaluation');
  const problems = new ProblemList({ file: context.fileName });
  const lines = toLines(text);
  if (lines.every((l) => l.text === '')) {
    problems.error('empty-text', '文件没有内容，未读取任何数据');
    doc.problems = problems.items;
    return doc;
  }
  const profile: DepartmentProfile = {};
  const statedFigures: Record<string, number> = {};
  const evaluationAt = findHeading(lines, EVALUATION);
  const issuesAt = findHeading(lines, ISSUES, Math.max(0, evaluationAt));
  const improvementsAt = findHeading(lines, IMPROVEMENTS, Math.max(0, issuesAt));
  const bodyEnd = evaluationAt >= 0 ? evaluationAt : lines.length;

  readHeading(lines, doc, problems);

  // 部门整体收支情况: the figures.
  // Seed 003 heads 部门整体收支情况 with the goal and puts the figures under 2、部门整体资金情况: the first section with figures.
  const subsection = new RegExp(`${SUB_HEADING.source}|${TOP_HEADING.source}`);
  let financesAt = -1;
  let figures: ReportFigures | null = null;
  for (let at = findHeading(lines, FINANCES, 0, bodyEnd); at >= 0; at = findHeading(lines, FINANCES, at + 1, bodyEnd)) {
    const read = readReportFigures(contentLines(lines, at + 1, sectionEnd(lines, at, subsection, bodyEnd)), new ProblemList({ file: context.fileName }));
    if (financesAt < 0 || read.budget.spent !== null || read.budget.adjusted !== null || read.budget.initial !== null) financesAt = at;
    if (read.budget.spent !== null || read.budget.adjusted !== null || read.budget.initial !== null) break;
  }
  if (financesAt >= 0) {
    figures = readReportFigures(contentLines(lines, financesAt + 1, sectionEnd(lines, financesAt, subsection, bodyEnd)), problems);
    doc.budget = figures.budget;
    doc.statedExecutionRate = figures.statedExecutionRate;
    doc.statedAdjustmentRate = figures.statedAdjustmentRate;
    Object.assign(statedFigures, figures.figures);
    if (figures.amountUnit) doc.amountUnit = figures.amountUnit;
    else problems.warning('amount-unit-missing', '部门整体收支情况中没有写明金额单位（万元/元），按万元读取，请核对', { line: lines[financesAt]?.no, field: '部门整体收支情况' });
    const b = figures.budget;
    if (b.spent === null) problems.warning('spent-missing', '部门整体收支情况中没有读到执行数（实际支出）', { line: lines[financesAt]?.no, field: '部门整体收支情况' });
    if (b.adjusted === null && b.initial === null) problems.warning('budget-missing', '部门整体收支情况中没有读到预算数', { line: lines[financesAt]?.no, field: '部门整体收支情况' });
  } else {
    problems.warning('budget-missing', '没有读到「部门整体收支情况」或「部门整体资金情况」，预算数据未读取', { field: '部门整体收支情况' });
  }

  const goalAt = findHeading(lines, GOAL, 0, bodyEnd);
  if (goalAt >= 0) {
    const to = sectionEnd(lines, goalAt, new RegExp(`${SUB_HEADING.source}|${TOP_HEADING.source}`), bodyEnd);
    doc.goalText = sectionText(contentLines(lines, goalAt + 1, to));
    profile.overallGoal = doc.goalText;
  }
  if (!doc.goalText) problems.warning('goal-missing', '没有读到「部门整体支出绩效目标」', { line: lines[goalAt]?.no, field: '绩效目标' });

  // The weighted key-indicator tables (seed 003); without them, the numbered 重点工作任务 (seed 001).
  const tables = readKeyIndicatorTables(lines.slice(0, issuesAt >= 0 ? issuesAt : lines.length), problems);
  if (tables.keyTasks.length) {
    doc.keyTasks = tables.keyTasks;
    Object.assign(statedFigures, tables.figures);
    if (tables.restatement) doc.restatements = [tables.restatement];
  } else {
    const tasksAt = findHeading(lines, TASKS, 0, bodyEnd);
    if (tasksAt >= 0) {
      const to = sectionEnd(lines, tasksAt, new RegExp(`^[（(][一二三四五六七八九十]+[)）]|${TOP_HEADING.source}`), bodyEnd);
      doc.keyTasks = readProseTasks(contentLines(lines, tasksAt + 1, to));
    }
    if (!doc.keyTasks?.length) problems.info('tasks-missing', '没有读到重点工作任务或关键指标评分表', { field: '重点工作任务' });
  }

  if (evaluationAt >= 0) {
    const to = issuesAt >= 0 ? issuesAt : lines.length;
    readStatedResult(contentLines(lines, evaluationAt + 1, to), doc);
  }
  if (doc.statedScore == null && doc.statedGrade == null) problems.warning('score-missing', '没有读到自评得分或自评等级（如「自评结果为 97.67 分」）', { line: lines[evaluationAt]?.no, field: '综合评价分析' });
  doc.statedScore ??= null;
  doc.statedGrade ??= null;
  readIndicatorCounts(lines, problems);

  if (issuesAt >= 0) {
    const to = improvementsAt >= 0 ? improvementsAt : sectionEnd(lines, issuesAt, TOP_HEADING);
    doc.issuesText = sectionText(contentLines(lines, issuesAt + 1, to));
  } else {
    problems.warning('issues-missing', '没有读到「存在的主要问题」', { field: '存在问题' });
  }
  if (improvementsAt >= 0) {
    const to = sectionEnd(lines, improvementsAt, TOP_HEADING);
    doc.improvementsText = sectionText(withoutSignature(contentLines(lines, improvementsAt + 1, to)));
  } else {
    problems.warning('improvements-missing', '没有读到「改进措施」', { field: '改进措施' });
  }

  if (Object.keys(statedFigures).length) profile.statedFigures = statedFigures;
  if (Object.keys(profile).length) doc.profile = profile;
  doc.problems = problems.items;
  return doc;
}

/** Year and department from the title (`2023 年度广州市荔湾区人民政府金花街道办事处部门整体支出绩效自评报告`), else from the text. */
function readHeading(lines: readonly Line[], doc: PerformanceDocument, problems: ProblemList) {
  const top = contentLines(lines, 0, Math.min(lines.length, 20));
  const titleEnd = top.findIndex((l) => TITLE.test(l.text.replace(/\s+/g, '')));
  if (titleEnd >= 0) {
    // The title may wrap: join the lines above it back to the one with the year.
    let from = titleEnd;
    while (from > 0 && !/\d{4}\s*年/.test(top[from]?.text ?? '') && titleEnd - from < 3) from--;
    const title = joinLines(top.slice(from, titleEnd + 1)).text;
    // The year before the first 部门整体支出绩效自评报告, and what lies between: found by indexOf, since a lazy
    // `(.*?)` tried from every `YYYY年` was quadratic on a long title line.
    const end = title.indexOf('部门整体支出绩效自评报告');
    const before = end >= 0 ? title.slice(0, end) : '';
    const m = /(\d{4})年度?/.exec(before);
    if (m) {
      doc.year = Number(m[1]);
      doc.department = cleanCell(before.slice(m.index + m[0].length)) ?? null;
    }
  }
  const body = joinLines(contentLines(lines, 0, Math.min(lines.length, 600))).text;
  if (doc.year === null) {
    const y = /(\d{4})年度?(?:部门整体支出绩效自评|年初预算|部门整体支出)/.exec(body);
    if (y) doc.year = Number(y[1]);
  }
  if (doc.department === null) {
    const d = /([\u4e00-\u9fff]{2}市(?:[\u4e00-\u9fff]{2,3}[区县])?(?:人民政府)?[\u4e00-\u9fff]{2,6}?(?:街道办事处|镇人民政府|乡人民政府))/.exec(body);
    doc.department = d?.[1] ?? null;
  }
  if (doc.year === null || doc.year < 1990 || doc.year > 2200) {
    doc.year = null;
    problems.warning('year-missing', '没有读到年度（如「2023 年度……自评报告」）', { field: '年度' });
  }
  if (!doc.department) problems.warning('department-missing', '没有读到部门名称', { field: '部门名称' });
}

/** `1.加强党的领导和建设，筑牢社区发展阵地。一是……`: the first sentence names the task, the rest is its content. */
function readProseTasks(lines: Line[]): KeyTask[] {
  const tasks: KeyTask[] = [];
  let current: Line[] = [];
  const flush = () => {
    const text = cleanCell(current.map((l) => l.text).join('\n'))?.replace(/^\d+\s*[、.．]\s*/, '');
    current = [];
    if (!text) return;
    const stop = text.indexOf('。');
    const name = stop > 0 ? text.slice(0, stop) : text;
    const content = stop > 0 ? cleanCell(text.slice(stop + 1)) : null;
    tasks.push({ name, content, funds: null, expected: null, projects: [] });
  };
  for (const line of lines) {
    if (/^\d+\s*[、.．](?!\d)/.test(line.text) && current.length) flush();
    current.push(line);
  }
  if (current.length) flush();
  return tasks;
}

/** 自评结果为 97.67 分 / 自评结果为“良”, in 综合评价分析 (the first of each). */
function readStatedResult(lines: Line[], doc: PerformanceDocument) {
  const text = joinLines(lines).text;
  const s = SCORE.exec(text);
  if (s) doc.statedScore = Number(s[1]);
  const g = GRADE.exec(text);
  if (g) doc.statedGrade = g[1] ?? null;
}

/** 细分为 37 个任务关键性指标 … 包括 35 个任务关键性指标: the count stated twice differently is worth a look. */
function readIndicatorCounts(lines: readonly Line[], problems: ProblemList) {
  const joined = joinLines(lines.filter((l) => l.text !== ''));
  const counts = [...joined.text.matchAll(/(?<!\d)(\d+)个(?:任务)?关键性?指标/g)].map((m) => ({ n: Number(m[1]), line: joined.lineAt(m.index ?? 0) }));
  const distinct = [...new Set(counts.map((c) => c.n))];
  if (distinct.length > 1) {
    problems.warning(
      'indicator-count-differs',
      `文中写明的关键性指标个数前后不一致：${counts.map((c) => `第 ${c.line} 行 ${c.n} 个`).join('，')}`,
      { line: counts[0]?.line, field: '关键性指标个数' },
    );
  }
}
