/**
 * The weighted key-indicator tables of a department self-evaluation report (seed 003, R8's scheme):
 *
 * - the 关键指标 table (表1, header `评分内容 绩效指标 权重设置（%）`): `部门支出进度 / 30`, `年度目标 / 20`, then each
 *   task of 年度主要支出计划 with its indicators `名称 权重` and the task's weight alone on a line (at times glued to
 *   the next name: `3打假宣传活动…`), closed by `合计 100`;
 * - the scoring table (表2, header `任务名称 任务的绩效目标 任务的关键性指标 实现情况分析 权重 评分情况(得分 合计)`): every
 *   cell wrapped at its column's width, one after the other, each indicator closed by its `权重 得分` line, the task's
 *   合计 (its score) on that line or alone, a merged cell cut by a page break continued after the next page's header,
 *   closed by `合计 50 49.5`.
 *
 * Columns are told apart by width (the analysis column is about 30 wide, the others 14 at most) and by the `。` that
 * ends a task name and a task goal. What cannot be placed is reported with its line, never guessed.
 */
import { cleanCell, hasCjk, type Indicator, type KeyTask, type ProblemList, type Restatement } from '@jixiao/core';
import { displayWidth, type Line } from '../../text/lines';
import { isPageNoise } from './prose';

/** An analysis line is wider than this; name, goal and indicator cells are 14 at most. */
const WIDE = 20;
/** The first line of an indicator name fills its column (6–7 characters); task-name and goal lines are narrower. */
const NAME_FIRST = 11;
/** The 任务名称 column is 4 characters wide (8), the 任务的绩效目标 column 5 (10). */
const TASK_NAME_MAX = 8;
/** The 评分内容 column of the weight table holds 5 characters (10). */
const TASK_CELL_MAX = 10;
const NUMBER = '(\\d+(?:\\.\\d+)?)';
const SCORE_LINE = new RegExp(`^(?:(.*[。；;）)%])\\s*)?${NUMBER}\\s+${NUMBER}(?:\\s+${NUMBER})?$`);
const BARE = new RegExp(`^${NUMBER}$`);
const TOTAL_LINE = new RegExp(`^合\\s*计\\s+${NUMBER}(?:\\s+${NUMBER})?$`);

export interface KeyIndicatorTables {
  keyTasks: KeyTask[];
  restatement: Restatement | null;
  figures: Record<string, number>;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const sameName = (a: string, b: string) => a.replace(/[\s，,。.、；;（）()“”"]/g, '') === b.replace(/[\s，,。.、；;（）()“”"]/g, '');

export function readKeyIndicatorTables(lines: readonly Line[], problems: ProblemList): KeyIndicatorTables {
  const figures: Record<string, number> = {};
  const weights = readWeightTable(lines, problems);
  const scored = readScoreTable(lines, problems);
  let keyTasks = scored?.tasks ?? [];
  if (scored) {
    if (scored.weightTotal != null) figures['年度主要支出计划权重'] = scored.weightTotal;
    if (scored.scoreTotal != null) figures['年度主要支出计划得分'] = scored.scoreTotal;
  }
  if (weights) {
    Object.assign(figures, Object.fromEntries(Object.entries(weights.figures).map(([k, v]) => [`${k}权重`, v])));
    if (keyTasks.length === 0) {
      keyTasks = weights.tasks.map((t) => ({ ...t, indicators: t.indicators?.map((i) => ({ ...i })) }));
    } else {
      keyTasks.forEach((scoredTask, i) => {
        const match = weights.tasks.find((w) => sameName(w.name, scoredTask.name)) ?? (weights.tasks.length === keyTasks.length ? weights.tasks[i] : undefined);
        if (match) scoredTask.weight = match.weight ?? null;
        else problems.warning('task-weight-missing', `任务「${scoredTask.name}」在${weights.source}中没有对应的任务，任务权重未读取`, { field: scoredTask.name });
      });
      const listed = weights.tasks.reduce((n, t) => n + (t.indicators?.length ?? 0), 0);
      const scoredCount = keyTasks.reduce((n, t) => n + (t.indicators?.length ?? 0), 0);
      if (listed !== scoredCount) {
        problems.info('indicator-count-differs', `${weights.source}列出 ${listed} 个关键指标，评分表列出 ${scoredCount} 个；评分按评分表读取`, { line: weights.line, field: '关键指标' });
      }
    }
  }
  const restatement: Restatement | null = weights && keyTasks !== weights.tasks ? { source: weights.source, keyTasks: weights.tasks, figures: weights.figures } : null;
  return { keyTasks, restatement, figures };
}

interface WeightTable {
  source: string;
  line: number;
  tasks: KeyTask[];
  figures: Record<string, number>;
}

function task(name: string): KeyTask {
  return { name, content: null, funds: null, expected: null, projects: [], indicators: [], weight: null, statedScore: null };
}

function indicator(no: number, name: string): Indicator {
  return { no, level1: null, level1Code: null, level2: null, level2Code: null, name, periodTarget: null, annualTarget: null, direction: null };
}

/** The caption above a header (`表 1 白云湖街年度关键指标`), else a plain name. */
function captionOf(lines: readonly Line[], at: number, fallback: string): string {
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
    const text = lines[i]?.text ?? '';
    if (/^表\s*\d+/.test(text)) return cleanCell(text.replace(/^表\s*(\d+)\s*/, '表$1 ')) ?? fallback;
  }
  return fallback;
}

function readWeightTable(lines: readonly Line[], problems: ProblemList): WeightTable | null {
  const at = lines.findIndex((l) => /评分内容/.test(l.text) && /权重/.test(l.text) && !/得分/.test(l.text));
  if (at < 0) return null;
  const header = lines[at]?.text ?? '';
  const table: WeightTable = { source: captionOf(lines, at, '关键指标表'), line: lines[at]?.no ?? 0, tasks: [], figures: {} };
  let pending: Line[] = [];
  let current: KeyTask | undefined;
  const pendingText = () => cleanCell(pending.map((l) => l.text).join('\n'));
  const addIndicator = (name: string, weight: number | null, line: Line) => {
    if (!current) {
      problems.warning('indicator-without-task', `${table.source}第 ${line.no} 行的指标「${name}」前没有任务名称，未读取`, { line: line.no, field: table.source });
      return;
    }
    const ind = indicator((current.indicators?.length ?? 0) + 1, name);
    ind.weight = weight;
    current.indicators?.push(ind);
  };
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    let text = line.text;
    // A bare number here is a weight, not a page number: only `第 N 页` footers are dropped.
    if (text === '' || text === header || (isPageNoise(text) && !BARE.test(text))) continue;
    const total = TOTAL_LINE.exec(text);
    if (total) {
      table.figures['合计'] = Number(total[1]);
      break;
    }
    const fixed = !current ? fixedWeight(text) : null;
    if (fixed) {
      table.figures[squeeze(fixed.label)] = fixed.weight;
      continue;
    }
    const bare = BARE.exec(text);
    if (bare) {
      const value = Number(bare[1]);
      const name = pendingText();
      if (name) {
        addIndicator(name, value, line);
        pending = [];
      } else if (current && current.weight == null) {
        current.weight = value;
      } else {
        problems.warning('unplaced-figure', `${table.source}第 ${line.no} 行的数字「${text}」不属于任何任务或指标，未读取`, { line: line.no, field: table.source });
      }
      continue;
    }
    // `3打假宣传活动…`: the task's weight ran into the next indicator's name.
    const glued = /^(\d+(?:\.\d+)?)(?=[\u4e00-\u9fff])/.exec(text);
    if (glued && current && current.weight == null && (current.indicators?.length ?? 0) > 0 && pending.length === 0) {
      current.weight = Number(glued[1]);
      text = text.slice(glued[0].length);
    }
    const row = /^(.*?[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef）)”])\s*(\d+(?:\.\d+)?)$/.exec(text);
    if (row && hasCjk(row[1] ?? '')) {
      pending.push({ no: line.no, text: row[1] ?? '' });
      const name = pendingText();
      if (name) addIndicator(name, Number(row[2]), line);
      pending = [];
      continue;
    }
    // The 评分内容 column (task names, 10 wide at most) is a merged cell centred on its rows: its lines come
    // between the indicator rows. A line that narrow while no indicator name is open continues the task name.
    if (pending.length === 0 && displayWidth(text) <= TASK_CELL_MAX) {
      if (!current || /[。]$/.test(current.name)) {
        current = task('');
        table.tasks.push(current);
      }
      current.name = `${current.name}${cleanCell(text) ?? ''}`;
      continue;
    }
    pending.push({ no: line.no, text });
  }
  if (pending.length) {
    problems.warning('unplaced-text', `${table.source}末尾的「${pendingText()}」没有权重，未读取`, { line: pending[0]?.no, field: table.source });
  }
  // The group label 年度主要支出计划 sits in the same column in front of the first task.
  for (const t of table.tasks) t.name = t.name.replace(/^年度主要支出计划/, '');
  table.tasks = table.tasks.filter((t) => t.name !== '' || (t.indicators?.length ?? 0) > 0);
  return table.tasks.length || Object.keys(table.figures).length ? table : null;
}

/**
 * `部门支出进度 / 30`: the label before the last slash and the weight after it. Split by hand: `^(.+?)\s*[/／]`
 * retried `\s*` from every position and was quadratic on a long run of spaces.
 */
function fixedWeight(text: string): { label: string; weight: number } | null {
  const slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('／'));
  if (slash < 1) return null;
  const weight = /^\s*(\d+(?:\.\d+)?)$/.exec(text.slice(slash + 1));
  return weight ? { label: text.slice(0, slash), weight: Number(weight[1]) } : null;
}

interface ScoreTable {
  tasks: KeyTask[];
  weightTotal: number | null;
  scoreTotal: number | null;
}

interface Segment {
  lines: Array<Line & { wide: boolean }>;
}

/** Splits lines into groups that each end with a full stop (the last group may be open). */
function sentenceGroups(lines: readonly Line[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    current.push(line);
    if (/[。]$/.test(line.text)) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * A new task whose name and goal were both cut by a page break leaves one group without a full stop: the name's
 * lines (at most TASK_NAME_MAX wide) then the goal's (wider). Split it where the width changes.
 */
function splitOpenGroup(groups: Line[][], current: KeyTask | undefined): Line[][] {
  const continuing = current && (isOpen(current.name) || isOpen(current.expected));
  const lastGroup = groups[groups.length - 1];
  if (continuing || groups.length !== 1 || !lastGroup || /[。]$/.test(lastGroup[lastGroup.length - 1]?.text ?? '')) return groups;
  const at = lastGroup.findIndex((l) => displayWidth(l.text) > TASK_NAME_MAX);
  return at > 0 ? [lastGroup.slice(0, at), lastGroup.slice(at)] : groups;
}

const joined = (lines: readonly Line[]) => cleanCell(lines.map((l) => l.text).join('\n')) ?? '';
const isOpen = (text: string | null | undefined) => text != null && text !== '' && !/[。]$/.test(text);

function readScoreTable(lines: readonly Line[], problems: ProblemList): ScoreTable | null {
  const end = lines.findIndex((l) => /^得分(\s+合计)?$/.test(l.text));
  if (end < 0) return null;
  // The header: the lines above `得分 合计` back to the caption; every page repeats them. Counted in non-empty
  // lines: an extraction that puts a blank line after every line must not cut the header short.
  const header = new Set<string>();
  let start = end;
  for (let i = end, seen = 0; i >= 0 && seen <= 12; i--) {
    const text = lines[i]?.text ?? '';
    if (/^表\s*\d+/.test(text)) break;
    if (text !== '') {
      header.add(text);
      seen++;
    }
    start = i;
  }
  if (![...header].some((t) => /权重/.test(t))) return null;
  const source = captionOf(lines, start, '评分表');
  const out: ScoreTable = { tasks: [], weightTotal: null, scoreTotal: null };
  let current: KeyTask | undefined;
  let segment: Segment = { lines: [] };

  const close = (weight: number, score: number, line: Line) => {
    const rows = segment.lines;
    segment = { lines: [] };
    // The analysis: the last run of wide lines, with the narrow tail of its last wrap.
    let last = -1;
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.wide) { last = i; break; }
    // A narrow line ending a sentence right under a wide one is the short last line of a wrapped paragraph (`贴。`).
    const isTail = (j: number) => !rows[j]?.wide && rows[j - 1]?.wide === true && /[。；;，,：:]$/.test(rows[j]?.text ?? '');
    let analysisAt = last < 0 ? rows.length : last;
    while (analysisAt > 0 && (rows[analysisAt - 1]?.wide || isTail(analysisAt - 1))) analysisAt--;
    // The indicator's name: the narrow lines just above, up to a full stop. Its first line fills the column
    // (NAME_FIRST wide); narrower lines above it belong to an open task name or goal cell.
    let nameAt = analysisAt;
    while (nameAt > 0 && !rows[nameAt - 1]?.wide && !/[。]$/.test(rows[nameAt - 1]?.text ?? '')) nameAt--;
    const firstFull = rows.slice(nameAt, analysisAt).findIndex((r) => displayWidth(r.text) >= NAME_FIRST);
    if (firstFull > 0) nameAt += firstFull;
    let pre = rows.slice(0, nameAt);
    // A wrapped analysis continued from the previous page, with its narrow last line.
    const wideBefore = pre.map((r) => r.wide).lastIndexOf(true);
    if (wideBefore >= 0) {
      let cut = wideBefore + 1;
      if (/[。；]$/.test(pre[cut]?.text ?? '') && !pre[cut]?.wide) cut++;
      const previous = current?.indicators?.[current.indicators.length - 1];
      const rest = joined(pre.slice(0, cut));
      if (previous?.actual) previous.actual = { ...previous.actual, text: `${previous.actual.text}${rest}` };
      else problems.warning('unplaced-text', `${source}第 ${pre[0]?.no} 行的「${rest}」无法归入任何指标，未读取`, { line: pre[0]?.no, field: source });
      pre = pre.slice(cut);
    }
    const groups = splitOpenGroup(sentenceGroups(pre), current).map(joined);
    if (current && (isOpen(current.name) || isOpen(current.expected))) {
      for (const g of groups) {
        if (isOpen(current.name)) current.name += g;
        else if (isOpen(current.expected)) current.expected = `${current.expected}${g}`;
        else problems.warning('unplaced-text', `${source}第 ${line.no} 行之前的「${g}」无法归入任务名称或绩效目标，未读取`, { line: line.no, field: source });
      }
    } else if (groups.length > 0) {
      current = task(groups[0] ?? '');
      current.expected = groups[1] ?? null;
      out.tasks.push(current);
      for (const g of groups.slice(2)) problems.warning('unplaced-text', `${source}第 ${line.no} 行之前的「${g}」无法归入任务名称或绩效目标，未读取`, { line: line.no, field: source });
    }
    const name = joined(rows.slice(nameAt, analysisAt));
    if (!current) {
      problems.warning('indicator-without-task', `${source}第 ${line.no} 行的指标「${name}」前没有任务名称，未读取`, { line: line.no, field: source });
      return;
    }
    if (!name) {
      problems.warning('indicator-name-missing', `${source}第 ${line.no} 行的权重 ${weight}、得分 ${score} 前没有读到指标名称，该行未读取`, { line: line.no, field: current.name });
      return;
    }
    const ind = indicator((current.indicators?.length ?? 0) + 1, name);
    ind.weight = weight;
    ind.score = score;
    const analysis = joined(rows.slice(analysisAt));
    ind.actual = analysis ? { text: analysis, op: null, value: null, unit: null } : null;
    current.indicators?.push(ind);
  };

  const setTaskScore = (value: number, line: Line) => {
    if (current && current.statedScore == null) current.statedScore = value;
    else problems.warning('unplaced-figure', `${source}第 ${line.no} 行的数字「${line.text}」不属于任何任务，未读取`, { line: line.no, field: source });
  };

  let closed = false;
  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    if (text === '' || header.has(text) || /^第\s*\d+\s*页/.test(text)) continue;
    const total = TOTAL_LINE.exec(text);
    if (total) {
      out.weightTotal = Number(total[1]);
      out.scoreTotal = total[2] != null ? Number(total[2]) : null;
      closed = true;
      break;
    }
    const bare = BARE.exec(text);
    if (bare) {
      setTaskScore(Number(bare[1]), line);
      continue;
    }
    const score = SCORE_LINE.exec(text);
    if (score) {
      if (score[1]) segment.lines.push({ no: line.no, text: score[1], wide: true });
      close(Number(score[2]), Number(score[3]), line);
      if (score[4] != null) setTaskScore(Number(score[4]), line);
      continue;
    }
    segment.lines.push({ ...line, wide: displayWidth(text) >= WIDE });
  }
  if (!closed) problems.warning('table-total-missing', `${source}没有读到「合计」行，权重合计和得分合计未读取`, { line: lines[end]?.no, field: source });
  if (segment.lines.length) {
    problems.warning('unplaced-text', `${source}末尾的「${joined(segment.lines)}」后没有权重和得分，未读取`, { line: segment.lines[0]?.no, field: source });
  }
  // 任务的绩效目标 is one merged cell over its indicators' rows: it is the target each of them is judged by.
  for (const t of out.tasks) {
    for (const ind of t.indicators ?? []) {
      ind.annualTarget = t.expected ? { text: t.expected, op: null, value: null, unit: null, kind: 'qualitative' } : null;
    }
  }
  return out.tasks.length ? out : null;
}
