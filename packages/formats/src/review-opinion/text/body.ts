/**
 * The body of the review opinion (正文): 一、部门基本情况 (functions, units with 编制数, staffing, budget split),
 * 二、部门年度绩效目标 (总体绩效目标), 三、年度重点工作任务 (each task: 主要实施内容, 拟投入资金, 表3-x project list
 * with 预算合计金额, 支出绩效目标) and 四、部门整体年度绩效指标 (表4-x: 关键性指标, 指标解释, 说明及公式, 目标（考核）值,
 * whose caption `产出指标-数量指标` gives 一级 and 二级).
 */
import type { BudgetUnit, DepartmentProfile, Indicator, KeyTask, ProblemList } from '@jixiao/core';
import { cellNumber, cellText, compact, findLine, proseOf, splitCells, type Cell, type Line } from './cells';
import { buildIndicator, looksLikeTarget } from './indicator';

export interface Body {
  department: string | null;
  year: number | null;
  profile: DepartmentProfile;
  units: BudgetUnit[];
  keyTasks: KeyTask[];
  indicators: Indicator[];
}

const TASK_HEADING = /^（([一二三四五六七八九十]+)）(.+)$/;

export function readBody(lines: readonly Line[], end: number, problems: ProblemList): Body {
  const find = (re: RegExp, from = 0, to = end) => findLine(lines, re, from, to);
  const title = find(/部门整体(支出)?绩效目标编制评审意见$/);
  const department = readDepartment(lines, title);

  const functionsAt = find(/^（一）部门主要职能/);
  const scopeAt = find(/^（二）内设单位/, functionsAt + 1);
  const staffAt = find(/^（三）部门人员编制/, Math.max(functionsAt, scopeAt) + 1);
  const budgetAt = find(/^（四）.*部门整体支出预算/, staffAt + 1);
  const goalAt = find(/^二、部门年度绩效目标/);
  const tasksAt = find(/^三、年度重点工作任务/);
  const indicatorsAt = find(/^四、部门整体年度绩效指标/);
  const sectionEnd = (start: number, ...candidates: number[]) => {
    const after = candidates.filter((c) => c > start);
    return after.length > 0 ? Math.min(...after) : end;
  };

  const profile: DepartmentProfile = {};
  const figures: Record<string, number> = {};
  if (functionsAt >= 0) {
    const cells = splitCells(lines, functionsAt + 1, sectionEnd(functionsAt, scopeAt, staffAt, budgetAt, goalAt));
    profile.functions = cells.map((c) => cellText(c)).filter(Boolean).join('\n') || null;
  }
  const units = scopeAt >= 0 ? readUnits(lines, scopeAt + 1, sectionEnd(scopeAt, staffAt, budgetAt, goalAt)) : [];
  if (staffAt >= 0) readStaffing(proseOf(lines, staffAt + 1, sectionEnd(staffAt, budgetAt, goalAt)) ?? '', profile, figures);
  if (budgetAt >= 0) readBudget(proseOf(lines, budgetAt + 1, sectionEnd(budgetAt, goalAt, tasksAt)) ?? '', profile, figures);
  if (goalAt >= 0) {
    const goalText = proseOf(lines, goalAt + 1, sectionEnd(goalAt, tasksAt, indicatorsAt)) ?? '';
    const m = /总体绩效目标(?:为|是)[:：]?([\s\S]+)$/.exec(goalText);
    profile.overallGoal = m?.[1]?.trim() || null;
  }
  if (Object.keys(figures).length > 0) profile.statedFigures = figures;
  for (const [found, what] of [
    [functionsAt, '（一）部门主要职能'],
    [staffAt, '（三）部门人员编制构成'],
    [budgetAt, '（四）部门整体支出预算情况'],
    [goalAt, '二、部门年度绩效目标'],
    [tasksAt, '三、年度重点工作任务'],
    [indicatorsAt, '四、部门整体年度绩效指标'],
  ] as const) {
    if (found < 0) problems.warning('section-missing', `正文中未找到「${what}」，该部分未读取。`, { field: what });
  }

  const keyTasks = tasksAt >= 0 ? readTasks(lines, tasksAt + 1, sectionEnd(tasksAt, indicatorsAt), problems) : [];
  const indicators = indicatorsAt >= 0 ? readIndicatorTables(lines, indicatorsAt + 1, end, problems) : [];
  const yearText = proseOf(lines, 0, Math.min(end, goalAt >= 0 ? goalAt : 250)) ?? '';
  const year = Number(/(20\d{2})年度?部门整体(?:支出)?(?:绩效目标|预算)/.exec(yearText)?.[1] ?? Number.NaN);
  return { department, year: Number.isFinite(year) ? year : null, profile, units, keyTasks, indicators };
}

/** The lines above the title (`广州市荔湾区人民政府花地街道办事处`), or the part of the title line before it. */
function readDepartment(lines: readonly Line[], title: number): string | null {
  if (title < 0) return null;
  const own = lines[title]!.compact.replace(/部门整体(支出)?绩效目标编制评审意见$/, '');
  if (own) return cellText(own);
  const above = lines.slice(Math.max(0, title - 3), title).filter((l) => l.compact !== '');
  return above.length > 0 ? cellText(above.map((l) => l.raw).join('\n')) : null;
}

/** 表1: `1 广州市荔湾区人民政府花地街道办事处 行政单位 55` per line. */
function readUnits(lines: readonly Line[], from: number, to: number): BudgetUnit[] {
  const units: BudgetUnit[] = [];
  for (let i = from; i < to; i++) {
    const m = /^\s*(\d{1,2})\s+(\S+)\s+(行政单位|\S*事业单位|\S*单位)\s+(\d+)\s*$/.exec(lines[i]!.raw);
    if (!m) continue;
    units.push({ name: cellText(m[2]) ?? m[2]!, code: null, statedAmount: null, projects: [], nature: m[3]!, staffing: { authorized: Number(m[4]), actual: null } });
  }
  return units;
}

function num(text: string | undefined): number | null {
  return cellNumber(text ?? null);
}

/** `总编制人数 70 人，在职实有人数 66 人，占总编制计划人数的 94%。其中：行政编制 49 人、……离退休人员 38 人，其中：退休 38 人。` */
function readStaffing(text: string, profile: DepartmentProfile, figures: Record<string, number>): void {
  const pick = (re: RegExp) => num(re.exec(text)?.[1]);
  const authorized = pick(/总编制人数(\d+)人/);
  const actual = pick(/在职实有人数(\d+)人/);
  if (authorized !== null || actual !== null) profile.staffing = { authorized, actual };
  const share = pick(/占总编制(?:计划)?人数的(\d+(?:\.\d+)?)%/);
  if (authorized !== null) figures['总编制人数'] = authorized;
  if (actual !== null) figures['在职实有人数'] = actual;
  if (share !== null) figures['在职实有占编制比'] = share;
  for (const label of ['行政编制', '事业编制', '后勤服务人员']) {
    const v = pick(new RegExp(`${label}(\\d+)人`));
    if (v !== null) figures[label] = v;
  }
  const retired = pick(/离退休人员(\d+)人/);
  if (retired !== null) {
    profile.retired = retired;
    figures['离退休人员'] = retired;
  }
  const pensioners = pick(/其中：?退休(\d+)人/);
  if (pensioners !== null) figures['退休人员'] = pensioners;
}

/** `总预算数为 6,491.63 万元 … 基本支出预算数为 3209.10 万元，占申请预算总支出的 49.43%；项目支出预算数为 3,282.53 万元，占 … 50.57%`. */
function readBudget(text: string, profile: DepartmentProfile, figures: Record<string, number>): void {
  const amount = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元/.source;
  const total = num(new RegExp(`(?:总预算数|申请预算数)为${amount}`).exec(text)?.[1]);
  const basic = new RegExp(`基本支出预算数为${amount}(?:，占[^%]*?的(\\d+(?:\\.\\d+)?)%)?`).exec(text);
  const project = new RegExp(`项目支出预算数为${amount}(?:，占[^%]*?的(\\d+(?:\\.\\d+)?)%)?`).exec(text);
  if (total !== null) {
    profile.budgetTotal = total;
    figures['部门整体支出预算'] = total;
  }
  const basicValue = num(basic?.[1]);
  const projectValue = num(project?.[1]);
  if (basicValue !== null) profile.basicExpenditure = basicValue;
  if (projectValue !== null) profile.projectExpenditure = projectValue;
  const basicShare = num(basic?.[2]);
  const projectShare = num(project?.[2]);
  if (basicShare !== null) figures['基本支出占比'] = basicShare;
  if (projectShare !== null) figures['项目支出占比'] = projectShare;
}

function readTasks(lines: readonly Line[], from: number, to: number, problems: ProblemList): KeyTask[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) if (TASK_HEADING.test(lines[i]!.compact)) starts.push(i);
  return starts.map((start, k) => readTask(lines, start, starts[k + 1] ?? to, problems));
}

function readTask(lines: readonly Line[], start: number, end: number, problems: ProblemList): KeyTask {
  const name = cellText(TASK_HEADING.exec(lines[start]!.compact)![2]) ?? '';
  const at = (re: RegExp, from = start + 1) => findLine(lines, re, from, end);
  const contentAt = at(/^\d、主要实施内容/);
  const projectsAt = at(/^\d、主要实施项目/);
  const expectedAt = at(/^\d、支出绩效目标/);
  const tableAt = at(/^表3-\d+/);
  const totalAt = at(/^预算合计金额/);
  const content = contentAt >= 0 ? proseOf(lines, contentAt + 1, projectsAt >= 0 ? projectsAt : tableAt >= 0 ? tableAt : end) : null;
  const intro = projectsAt >= 0 ? (proseOf(lines, projectsAt + 1, tableAt >= 0 ? tableAt : end) ?? '') : '';
  const fundsMatch = /拟投入资金(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元/.exec(intro);
  const funds = cellNumber(fundsMatch?.[1] ?? null);
  if (funds === null) problems.warning('value-unreadable', `第 ${lines[start]!.no} 行：正文任务「${name}」未读出拟投入资金。`, { line: lines[start]!.no, field: '拟投入资金' });
  const expected = expectedAt >= 0 ? proseOf(lines, expectedAt + 1, end) : null;
  const task: KeyTask = { name, content, funds, expected, projects: [] };
  if (tableAt >= 0) {
    const tableEnd = totalAt >= 0 ? totalAt : expectedAt >= 0 ? expectedAt : end;
    task.projectLines = readProjectLines(splitCells(lines, tableAt + 1, tableEnd), name, problems);
    task.projects = task.projectLines.map((l) => l.name);
    if (totalAt >= 0) task.statedProjectTotal = cellNumber(lines[totalAt]!.compact.replace(/^预算合计金额/, ''));
    else problems.warning('total-missing', `第 ${lines[tableAt]!.no} 行：任务「${name}」的项目表没有「预算合计金额」行（可能被截断）。`, { line: lines[tableAt]!.no, field: '预算合计金额' });
  }
  return task;
}

/** 表3-x rows: `序号` (with the name on the same line or the next cell), 项目内容, 预算金额. */
function readProjectLines(cells: Cell[], task: string, problems: ProblemList): Array<{ name: string; amount: number | null }> {
  const rows: Cell[][] = [];
  for (const cell of cells) {
    const c = compact(cell.raw);
    if (c.startsWith('序号项目名称') || /^(（万元）|预算金额（万元）)$/.test(c)) continue;
    const m = /^(\d{1,3})(?:\s|$)/.exec(cell.raw.trim());
    if (m && Number(m[1]) === rows.length + 1) rows.push([cell]);
    else if (rows.length > 0) rows[rows.length - 1]!.push(cell);
  }
  return rows.map((row) => {
    const head = row[0]!.raw.trim().replace(/^\d{1,3}\s*/, '');
    const rest = head ? [head, ...row.slice(1).map((c) => c.raw)] : row.slice(1).map((c) => c.raw);
    const amount = rest.length >= 3 ? cellNumber(rest[rest.length - 1]!) : null;
    const name = cellText(rest[0]) ?? '';
    if (rest.length !== 3 || amount === null) {
      problems.warning('row-incomplete', `第 ${row[0]!.line} 行：任务「${task}」项目表的一行应有「项目名称、项目内容、预算金额」3 格，未能完整读出（${name || '名称缺失'}）。`, {
        line: row[0]!.line,
        project: name || undefined,
      });
    }
    return { name, amount };
  });
}

/** 表4-x tables, each captioned `表 4-1 产出指标-数量指标设置情况`, numbered rows of 4 cells after the 序号. */
function readIndicatorTables(lines: readonly Line[], from: number, to: number, problems: ProblemList): Indicator[] {
  const indicators: Indicator[] = [];
  const captions: number[] = [];
  for (let i = from; i < to; i++) if (/^表4-\d+/.test(lines[i]!.compact)) captions.push(i);
  if (captions.length === 0) problems.warning('section-missing', '正文「四、部门整体年度绩效指标」中未找到表4-x 指标表。', { line: lines[from]?.no, field: '绩效指标' });
  captions.forEach((caption, k) => {
    // A caption is short; bounding the text keeps the two lazy groups from going quadratic on a long line.
    const m = /^表4-\d+(.+?指标)-(.+?指标)设置情况/.exec(lines[caption]!.compact.slice(0, 200));
    const level1 = m?.[1] ?? null;
    const level2 = m?.[2] ?? null;
    // The table ends at the next heading (`2、质量指标`, `（二）效益指标`), the next caption or the 附件 list.
    let end = captions[k + 1] ?? to;
    const heading = findLine(lines, /^(\d+、|（[一二三四五六七八九十]+）|附件[:：]?$)/, caption + 1, end);
    if (heading >= 0) end = heading;
    const rows: Cell[][] = [];
    for (const cell of splitCells(lines, caption + 1, end)) {
      if (compact(cell.raw).startsWith('序号关键性指标')) continue;
      const n = /^(\d{1,3})(?:\s|$)/.exec(cell.raw.trim());
      if (n && Number(n[1]) === rows.length + 1) rows.push([cell]);
      else if (rows.length > 0) rows[rows.length - 1]!.push(cell);
    }
    for (const row of rows) {
      const head = row[0]!.raw.trim().replace(/^\d{1,3}\s*/, '');
      const rest = head ? [head, ...row.slice(1).map((c) => c.raw)] : row.slice(1).map((c) => c.raw);
      if (rest.length !== 4 || !looksLikeTarget(cellText(rest[3]))) {
        problems.warning('row-incomplete', `第 ${row[0]!.line} 行：${lines[caption]!.compact} 的一行应有「关键性指标、指标解释、说明及公式、目标值」4 格，读到 ${rest.length} 格，未能完整读出。`, {
          line: row[0]!.line,
          field: '绩效指标',
        });
      }
      const [name, explanation, formula, target] = rest.length >= 4 ? [rest[0], rest[1], rest.slice(2, -1).join('\n'), rest[rest.length - 1]] : [rest[0], rest[1], rest[2], undefined];
      indicators.push(buildIndicator(indicators.length + 1, level1, level2, cellText(name), cellText(explanation), cellText(formula), cellText(target)));
    }
  });
  return indicators;
}
