/**
 * Narrative documents (自评报告, 评价报告, the prose around a score sheet) as lines of cells, and what the report
 * recognisers look for in them: cover fields (`部门(单位)名称:…`, a label line followed by its value line, a table row
 * `人员编制 | 21`), headings by pattern (`一、`, `（一）`, `1.`), the sections under them, and figures stated in a
 * sentence (`综合评分为97分`, `年初批复…985万元`). Tokens are not used here: they cut sentences at label words, and a
 * report's facts live in whole sentences. Nothing is computed or repaired: a value not written stays null.
 */
import { cleanCell, compactCjk, normalizeExtractedText, parseLooseNumber, type AmountUnit, type ProblemLocation } from '@jixiao/core';
import type { Layout } from '../layout/model';
import type { Where } from './tokens';
import { normLabel } from './vocabulary';

export interface ReportLine {
  /** The cells of the line: one for a paragraph, the row's cells for a table row. */
  cells: string[];
  /** The cells joined by a space. */
  text: string;
  /** The line as extracted (spaces kept): a page number at its start is still apart from the words. */
  raw: string;
  where: Where;
}

const linesOf = new WeakMap<Layout, ReportLine[]>();

/**
 * Every paragraph and table row in reading order, extraction spaces inside words removed, empty lines dropped.
 * Built once per Layout: several recognisers score and read the same document.
 */
export function layoutLines(layout: Layout): ReportLine[] {
  let lines = linesOf.get(layout);
  if (!lines) {
    lines = buildLines(layout);
    linesOf.set(layout, lines);
  }
  return lines;
}

/** The first lines only (a title is looked for there): cheap on a long document, not cached. */
export function layoutHeadLines(layout: Layout, lineCount: number): ReportLine[] {
  return linesOf.get(layout)?.slice(0, lineCount) ?? buildLines(layout, lineCount);
}

function buildLines(layout: Layout, limit = Number.POSITIVE_INFINITY): ReportLine[] {
  const out: ReportLine[] = [];
  let line = 0;
  let tableNo = 0;
  for (const block of layout.blocks) {
    if (out.length >= limit) break;
    if (block.kind === 'paragraph') {
      line++;
      const text = clean(block.text);
      if (text !== '') out.push({ cells: [text], text, raw: block.text.trim(), where: block.page ? { page: block.page, row: line } : { row: line } });
      continue;
    }
    tableNo++;
    block.rows.forEach((row, r) => {
      if (out.length >= limit) return;
      const cells = row.map((c) => clean(c.text)).filter((c) => c !== '');
      if (cells.length === 0) return;
      const where: Where = { table: tableNo, row: r + 1 };
      if (row[0]?.page) where.page = row[0].page;
      if (block.sheet) where.sheet = block.sheet;
      out.push({ cells, text: cells.join(' '), raw: row.map((c) => c.text.trim()).join(' '), where });
    });
  }
  return out;
}

function clean(text: string): string {
  return compactCjk(normalizeExtractedText(cleanCell(text) ?? '')).trim();
}

/** The text without any white space, NFKC: what sentence patterns are matched on (`自评得分\n90 分` → `自评得分90分`). */
export function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function locationOf(file: string, where: Where | undefined, field?: string): ProblemLocation {
  const l: ProblemLocation = { file };
  if (where?.page) l.page = where.page;
  if (where?.table) l.table = where.table;
  if (where?.row) {
    if (where.table) l.row = where.row;
    else l.line = where.row;
  }
  if (where?.sheet) l.sheet = where.sheet;
  if (field) l.field = field;
  return l;
}

/**
 * The value of a cover or profile field: `标签:值` in one cell, the next cell of the same row, or the next line when
 * the label is a line of its own (`人员编制` then `21`). Labels are compared with `normLabel`.
 */
export function fieldValue(lines: readonly ReportLine[], labels: readonly string[], opts: { from?: number; to?: number } = {}): { value: string; where: Where; at: number } | null {
  const wanted = new Set(labels.map((l) => normLabel(l)));
  const to = Math.min(lines.length, opts.to ?? lines.length);
  for (let i = opts.from ?? 0; i < to; i++) {
    const line = lines[i]!;
    for (let c = 0; c < line.cells.length; c++) {
      const cell = line.cells[c]!;
      const colon = /^([^:：]{2,16})[:：](.*)$/s.exec(cell);
      if (colon && wanted.has(normLabel(colon[1]!))) {
        const value = colon[2]!.trim();
        if (value !== '') return { value, where: line.where, at: i };
        const next = line.cells[c + 1] ?? (line.cells.length === 1 ? lines[i + 1]?.text : undefined);
        if (next !== undefined && !isLabelLike(next)) return { value: next.trim(), where: line.where, at: i };
        continue;
      }
      if (!wanted.has(normLabel(cell))) continue;
      const next = line.cells[c + 1] ?? (line.cells.length === 1 ? lines[i + 1]?.text : undefined);
      if (next !== undefined && next.trim() !== '') return { value: next.trim(), where: line.where, at: i };
    }
  }
  return null;
}

/** A short cell ending in a colon is another label, not a value. */
function isLabelLike(text: string): boolean {
  return /[:：]\s*$/.test(text) && text.length <= 16;
}

export type HeadingLevel = 1 | 2 | 3;

/** `一、基本情况` (1), `（一）项目概况` (2), `1.项目立项背景` / `1、…` (3); a heading is short, a numbered sentence is not. */
export function headingOf(text: string): { level: HeadingLevel; title: string } | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(?:([一二三四五六七八九十]+)[、.]|\(([一二三四五六七八九十]+)\)|(\d{1,2})[.、](?!\d))\s*(.*)$/.exec(t);
  if (!m) return null;
  const title = m[4]!.trim();
  if (title.length > 32 || /[。；;]./.test(title)) return null;
  return { level: m[1] ? 1 : m[2] ? 2 : 3, title };
}

/**
 * The text under a heading: the lines after it up to the next heading of the same or a higher level, an annex
 * (`附件1`, `附：…得分表`), a table's title, or a table after a heading that was a paragraph.
 */
export function sectionAfter(lines: readonly ReportLine[], at: number, level: HeadingLevel): { text: string; end: number } {
  const parts: string[] = [];
  const inTable = lines[at]?.where.table;
  let k = at + 1;
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    const h = headingOf(line.text);
    if (h && h.level <= level) break;
    if (line.where.table !== undefined && line.where.table !== inTable) break;
    const s = squeeze(line.text);
    if (/^附(?:件|表|录)?\d*[:：、]|^附(?:件|表)\d+/.test(s) || (s.length <= 40 && /(?:得分表|评分表|目标表|申报表|自评表)$/.test(s))) break;
    parts.push(line.text);
  }
  return { text: parts.join('\n').trim(), end: k };
}

export interface NarrativeSections {
  issues: { text: string; where: Where } | null;
  improvements: { text: string; where: Where } | null;
}

const ISSUES = /存在(的)?(主要)?问题|问题(及|和)(原因|整改)|主要问题/;
const IMPROVEMENTS = /改进(措施|意见|建议|方向)|有关建议|相关建议|整改措施|下一步(工作)?(打算|计划|措施|改进)|意见(和|及)建议/;

/**
 * 存在问题 and 改进措施 / 有关建议: a heading naming them (its section is the text), else the words as an inline
 * label with a colon in a sentence (`存在的问题:一是…。下一步改进措施:一是…`). The words inside a sentence without
 * a colon (`取得的成绩、存在的问题及改进措施,`) are not a section.
 */
export function readNarrativeSections(lines: readonly ReportLine[]): NarrativeSections {
  const out: NarrativeSections = { issues: null, improvements: null };
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i]!.text);
    if (!h) continue;
    const isImprovements = IMPROVEMENTS.test(h.title);
    const isIssues = !isImprovements && ISSUES.test(h.title);
    if (!isIssues && !isImprovements) continue;
    const section = sectionAfter(lines, i, h.level);
    if (section.text === '') continue;
    if (isIssues) out.issues ??= { text: section.text, where: lines[i]!.where };
    else out.improvements ??= { text: section.text, where: lines[i]!.where };
  }
  if (out.issues && out.improvements) return out;
  // Inline labels: the text after `存在的问题:` up to the next inline label or the end of the paragraph run.
  const joined = joinWithIndex(lines);
  // Extraction may leave spaces inside the words (`存在的 问题:`): any white space between two characters is allowed.
  const issueAt = spaced('存在(?:的)?(?:主要)?问题[:：]').exec(joined.text);
  const improveAt = spaced('(?:下一步)?(?:改进|整改)(?:措施|意见|建议)[:：]|有关建议[:：]').exec(joined.text);
  if (!out.issues && issueAt) {
    const from = issueAt.index + issueAt[0].length;
    const to = improveAt && improveAt.index > from ? improveAt.index : inlineEnd(joined.text, from);
    const text = trimSentence(joined.text.slice(from, to));
    if (text) out.issues = { text, where: joined.whereAt(issueAt.index) };
  }
  if (!out.improvements && improveAt) {
    const from = improveAt.index + improveAt[0].length;
    const text = trimSentence(joined.text.slice(from, inlineEnd(joined.text, from)));
    if (text) out.improvements = { text, where: joined.whereAt(improveAt.index) };
  }
  return out;
}

/** The pattern with `\s*` allowed after each Chinese character. */
function spaced(source: string): RegExp {
  return new RegExp(source.replace(/([\u4e00-\u9fff])/g, '$1\\s*'));
}

/** An inline section ends at the next heading-like start (`2017 年部门整体…得分表`, `4.`), or after 600 characters. */
function inlineEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const stop = /\n\s*(?:\d{4}\s*年[^\n]{0,20}(?:表|报告)|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))/.exec(rest);
  const end = stop ? stop.index : rest.length;
  return from + Math.min(end, 600);
}

/**
 * Joins the lines of a run of prose; drops a page number the extraction put inside the sentence (`15` alone, or
 * `15 项目…` at a line's start), but not a figure (`90 分`, `3 个`).
 */
function trimSentence(text: string): string {
  return text
    .split('\n')
    .map((l) => clean(l.replace(/^\d{1,3}\s+(?=[\u4e00-\u9fff])(?![分个人万元年次名%]|项(?!目))/, '')))
    .filter((l) => l !== '' && !/^\d{1,3}$/.test(l))
    .join('')
    .replace(/^[:：,，\s]+|[,，;；\s]+$/g, '')
    .trim();
}

function joinWithIndex(lines: readonly ReportLine[]): { text: string; whereAt(i: number): Where } {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += `${l.raw}\n`;
  }
  return {
    text,
    whereAt(i: number) {
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]! <= i) k++;
      return lines[k]?.where ?? {};
    },
  };
}

/** The first `YYYY年度` / `YYYY年` before 部门/项目/整体/预算 in the text: the year a report is about. */
export function yearOf(text: string): number | null {
  const s = squeeze(text);
  const m =
    /((?:19|20)\d{2})年度/.exec(s) ??
    /((?:19|20)\d{2})年(?:部门|项目|单位|机关)?整体支出/.exec(s) ??
    /((?:19|20)\d{2})年(?:部门|项目)/.exec(s);
  return m ? Number(m[1]) : null;
}

const SCORE = /(?:综合评分|综合得分|自评得分|自评总分|评价得分|总得分|自评分数|评分结果)(?:为|是|达到)?[:：]?[“"「]?(\d{1,3}(?:\.\d{1,2})?)[”"」]?分/;

/** `综合评分为97分`, `自评得分90分`, `总分:88.5分`: the total score stated in a sentence (0–100), with where it is. */
export function statedScoreIn(lines: readonly ReportLine[]): { score: number; where: Where } | null {
  for (const [i, line] of lines.entries()) {
    // A sentence may wrap: the line and the next one, squeezed, so that `自评得分` + `90 分` is seen.
    const s = squeeze(line.text + (lines[i + 1]?.text ?? ''));
    const m = SCORE.exec(s) ?? /总分(?:为|是)?[:：]?(\d{1,3}(?:\.\d{1,2})?)分/.exec(s);
    if (!m) continue;
    const v = Number(m[1]);
    if (v >= 0 && v <= 100) return { score: v, where: m.index < squeeze(line.text).length ? line.where : lines[i + 1]!.where };
  }
  return null;
}

const GRADE_WORDS: Record<string, string> = { 优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 一般: '中', 差: '差', 较差: '差' };

/** `评价等级为“优”`, `自评结果为优秀`, `等级:良`: the grade word when the report states one (often it does not). */
export function statedGradeIn(text: string): string | null {
  const s = squeeze(text);
  const m = /(?:评价|自评|绩效)?(?:等级|级别|结果|结论)(?:为|是|评定为|确定为)?[:：]?[“"「]?(优秀|良好|中等|较差|优|良|中|差)[”"」]?(?:等级|等次|级)?(?=[，。,;；)）\s]|$)/.exec(s);
  return m ? GRADE_WORDS[m[1]!] ?? null : null;
}

export interface StatedBudget {
  initial: number | null;
  adjusted: number | null;
  spent: number | null;
  /** 到位资金: received, not spent; kept as a stated figure. */
  received: number | null;
  unit: AmountUnit | null;
  where: Where | null;
}

const BUDGET_KEYS: Array<{ key: keyof Omit<StatedBudget, 'unit' | 'where'>; re: RegExp }> = [
  { key: 'initial', re: /年初(?:批复|预算|安排)/ },
  { key: 'adjusted', re: /调整(?:预算)?后|全年预算(?:数)?(?:为|是)?/ },
  { key: 'received', re: /(?:实际)?到位(?:资金)?/ },
  { key: 'spent', re: /(?:实际|全年|累计)?支出(?:资金)?(?:为|是)?|执行(?:数|金额)/ },
];

/**
 * Budget totals a sentence states: `年初批复预算…985万元`, `调整预算后项目预算861.46万元`, `实际到位资金334.67万元`,
 * `实际支出…万元`. Each clause (between commas) gives at most one figure, the first amount with its unit after the key
 * word; the first sentence that has any is the one read (later sentences speak of single projects).
 */
export function statedBudgetIn(lines: readonly ReportLine[]): StatedBudget {
  const out: StatedBudget = { initial: null, adjusted: null, spent: null, received: null, unit: null, where: null };
  for (const line of lines) {
    for (const sentence of line.text.normalize('NFKC').split(/[。]/)) {
      let found = false;
      // Clauses end at a comma, but not at a thousands separator (`1,200.00万元`).
      for (const clause of sentence.split(/,(?!\d{3}(?:\D|$))|[，;；]/)) {
        for (const { key, re } of BUDGET_KEYS) {
          const k = re.exec(clause);
          if (!k || out[key] !== null) continue;
          const after = clause.slice(k.index + k[0].length);
          const a = /(\d[\d,]*(?:\.\d+)?)\s*(万元|元)/.exec(after);
          if (!a) continue;
          // `年初批复预算8个项目985万元`: a count before the amount is skipped by the pattern; a different unit is not mixed.
          const unit = a[2] as AmountUnit;
          if (out.unit !== null && out.unit !== unit) continue;
          const v = parseLooseNumber(a[1]!);
          if (v === null) continue;
          out[key] = v;
          out.unit = unit;
          out.where ??= line.where;
          found = true;
          break;
        }
      }
      if (found) return out;
    }
  }
  return out;
}

/** `人员编制 21` / `编制人数:21人` / `现有编制人员205人`, `实有人数 21` / `在职人数…人`. */
export function staffingIn(lines: readonly ReportLine[], labels: { authorized: readonly string[]; actual: readonly string[] }): { authorized: number | null; actual: number | null } {
  let authorized = count(fieldValue(lines, labels.authorized)?.value);
  let actual = count(fieldValue(lines, labels.actual)?.value);
  if (authorized === null || actual === null) {
    for (const line of lines) {
      const s = squeeze(line.text);
      authorized ??= numberAfter(s, /(?:现有|核定|人员)?编制(?:人员|人数|数)?(?:为|是|共)?[:：]?(\d{1,6})(?:人|名)/);
      actual ??= numberAfter(s, /(?:实有|在职)(?:人员|人数)(?:为|是|共)?[:：]?(\d{1,6})(?:人|名)/);
    }
  }
  return { authorized, actual };
}

function count(v: string | undefined): number | null {
  const m = /^\s*(\d{1,6})\s*人?\s*$/.exec((v ?? '').normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

function numberAfter(s: string, re: RegExp): number | null {
  const m = re.exec(s);
  return m ? Number(m[1]) : null;
}
