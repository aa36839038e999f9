/**
 * Seed 000's layout: a third-party firm's 部门整体绩效目标编制评审意见 (review opinion on a department's targets),
 * extracted from PDF, followed by 附件1 部门整体预算绩效目标表 and 附表2 项目支出绩效目标表.
 *
 * What goes where: the body (正文) gives the profile, the key tasks with their 表3-x project lists and the
 * department indicators of 表4-x — these are the document's own `keyTasks` and `indicators`, because the
 * consistency checks (target-conflict) compare "正文" against each restatement; 附件1 repeats the goal, the tasks,
 * the indicators and the budget figures and is kept as the restatement `附件1 部门整体预算绩效目标表`; 附表2 gives
 * the units and projects. The parts are in `department-review/`.
 */
import { emptyDocument, ProblemList, type PerformanceDocument } from '@jixiao/core';
import { readAttachment1 } from './text/attachment1';
import { readBody } from './text/body';
import { findLine, toLines } from './text/cells';
import { readProjectTable } from './text/project-table';
import type { TextLayout, TextLayoutContext } from '../text/layout';

export const ATTACHMENT1_SOURCE = '附件1 部门整体预算绩效目标表';

export const departmentTargetReview: TextLayout = {
  id: 'text/department-target-review',
  title: '部门整体绩效目标编制评审意见（附件1 部门整体绩效目标表、附表2 项目支出绩效目标表）',
  detect,
  parse(text, context) {
    try {
      return parseReview(text, context);
    } catch (error) {
      // A reader never throws (layout.ts); a bug here must still give the user the file's name and a reason.
      const doc = emptyDocument('department-targets');
      doc.problems.push({
        severity: 'error',
        code: 'reader-failed',
        message: `读取评审意见时出错，文件未能读完：${error instanceof Error ? error.message : String(error)}`,
        location: { file: context.fileName },
      });
      return doc;
    }
  },
};

/**
 * The title carries most of the weight; the attachments' titles and the body's 关键性指标 tables add to it. Seed
 * 002 has a 项目支出绩效目标表 but none of the rest, seeds 001/003 mention 年度重点工作任务 or 关键性指标 only.
 */
function detect(text: string): number {
  const head = text.slice(0, 4000).replace(/\s+/g, '');
  const all = text.replace(/\s+/g, '');
  let score = 0;
  if (head.includes('绩效目标编制评审意见')) score += 0.45;
  else if (head.includes('评审意见')) score += 0.25;
  if (/部门整体(预算|支出)绩效目标表/.test(all)) score += 0.15;
  if (all.includes('项目支出绩效目标表') && all.includes('预算单位编码')) score += 0.15;
  if (all.includes('年度重点工作任务')) score += 0.1;
  if (all.includes('关键性指标')) score += 0.1;
  if (all.includes('评审专家组')) score += 0.05;
  return Math.min(1, score);
}

function parseReview(text: string, context: TextLayoutContext): PerformanceDocument {
  const problems = new ProblemList({ file: context.fileName });
  const doc = emptyDocument('department-targets', '万元');
  if (text.trim() === '') {
    problems.error('empty', '文件没有内容，未读到评审意见。');
    doc.problems = problems.items;
    return doc;
  }
  const lines = toLines(text);
  const attachment1At = findLine(lines, /^附件1[:：]/);
  const projectTableAt = findLine(lines, /^附表2[:：]/, Math.max(0, attachment1At));
  const bodyEnd = attachment1At >= 0 ? attachment1At : projectTableAt >= 0 ? projectTableAt : lines.length;

  const body = readBody(lines, bodyEnd, problems);
  doc.department = body.department;
  doc.year = body.year;
  doc.profile = body.profile;
  doc.keyTasks = body.keyTasks;
  doc.indicators = body.indicators;

  if (attachment1At >= 0) {
    const a1 = readAttachment1(lines, attachment1At + 1, projectTableAt >= 0 ? projectTableAt : lines.length, problems);
    doc.department ??= a1.unitName;
    doc.year ??= a1.year;
    doc.restatements = [{ source: ATTACHMENT1_SOURCE, keyTasks: a1.keyTasks, indicators: a1.indicators, figures: a1.figures, overallGoal: a1.overallGoal }];
    if (body.indicators.length > 0 && a1.indicators.length > 0 && body.indicators.length !== a1.indicators.length) {
      problems.info('count-differs', `正文列出 ${body.indicators.length} 个部门整体指标，附件1 列出 ${a1.indicators.length} 个。`, { line: lines[attachment1At]!.no, field: '绩效指标' });
    }
  } else {
    problems.warning('section-missing', '未找到「附件1 部门整体预算绩效目标表」（文件可能被截断）。', { field: ATTACHMENT1_SOURCE });
  }

  if (projectTableAt >= 0) {
    const table = readProjectTable(lines, projectTableAt + 1, lines.length, problems);
    doc.statedTotal = table.statedTotal;
    doc.units = mergeUnits(body.units, table.units);
    if (table.statedTotal === null) {
      problems.warning('total-missing', `附表2 没有读到「合计」行（文件可能被截断），项目金额无法与合计核对。`, { line: lines[projectTableAt]!.no, field: '合计' });
    }
  } else {
    doc.units = body.units;
    problems.warning('section-missing', '未找到「附表2 项目支出绩效目标表」（文件可能被截断），没有读到项目。', { field: '附表2 项目支出绩效目标表' });
  }

  if (doc.department === null) problems.warning('value-unreadable', '未读出部门名称。', { field: '部门名称' });
  if (doc.year === null) problems.warning('value-unreadable', '未读出预算年度。', { field: '年度' });
  doc.problems = problems.items;
  return doc;
}

/**
 * 表1 of the body names the units with their nature and 编制数; 附表2 names the unit of each project with its code.
 * A unit in both keeps one entry (code and projects from 附表2, nature and staffing from 表1).
 */
function mergeUnits(fromBody: PerformanceDocument['units'], fromTable: PerformanceDocument['units']): PerformanceDocument['units'] {
  const merged = fromTable.map((u) => ({ ...u }));
  for (const b of fromBody) {
    const same = merged.find((u) => u.name === b.name);
    if (same) {
      same.nature ??= b.nature;
      same.staffing ??= b.staffing;
    } else merged.push(b);
  }
  return merged;
}
