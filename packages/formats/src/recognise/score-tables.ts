/**
 * Score sheets: 部门整体支出绩效评价得分表 and 项目支出绩效评价得分表 (Sichuan scheme, templates.md §4 and §7):
 * `一级指标 | 二级指标 | 三级指标 | (分值) | 得分`, the points written in the labels (`相关性(5分)`). Every third-level
 * line becomes an indicator: level1/level2 are the labels above it without their points, the weight is the label's
 * points (or the 分值 cell), the score the 得分 cell (null when blank). The department sheet's lines go to the
 * document's indicators, a project sheet's to a project. Two shapes are read:
 * - rows (a .docx/.xlsx grid, or pipe rows whose merged cells were dropped): the last label of a row is the line,
 *   the labels before it its parents; a row of values only (a score wrapped onto its own line) fills the line above;
 * - run-together text (a PDF whose rows were lost): `名称(N分)` followed by a number is a line with its score, followed
 *   by another label it is a parent; the parents' points say when a parent is complete.
 * Nothing is added up and nothing is filled in: a blank form reads with every score null and says so.
 */
import { emptyDocument, ProblemList, type Indicator, type PerformanceDocument, type Project } from '@jixiao/core';
import type { Layout } from '../layout/model';
import type { Recogniser } from './recognisers';
import { layoutHeadLines, layoutLines, locationOf, readNarrativeSections, squeeze, statedScoreIn, yearOf } from './report-lines';
import { findReportTitle, readSelfEvaluationReport } from './self-evaluation-reports';
import type { Where } from './tokens';

const SHEET_TITLE = /(?:部门整体支出|整体支出|项目支出|项目)?绩效(?:自评|评价)?(?:得分|评分)表/;
const HEADER_SQUEEZED = /一级指标二级指标三级指标(分值|权重)?(得分|评分)/;
const POINTS_LABEL = /[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]/g;

type SheetKind = 'department' | 'project';

interface ScoreLine {
  level1: string | null;
  level2: string | null;
  name: string;
  weight: number | null;
  score: number | null;
  where: Where;
}

interface Sheet {
  kind: SheetKind;
  title: string | null;
  projectName: string | null;
  lines: ScoreLine[];
  /** 总分 / 合计 row as stated (得分 column). */
  statedScore: number | null;
  where: Where;
  /** The rows stopped at a label with no value (the copy is cut). */
  cutAt: string | null;
}

export const scoreTables: Recogniser = {
  id: 'score-tables',
  score(input) {
    const s = squeeze(input.text);
    let score = 0;
    if (SHEET_TITLE.test(s)) score += 0.5;
    if (HEADER_SQUEEZED.test(s)) score += 0.35;
    if ((s.match(POINTS_LABEL)?.length ?? 0) >= 5) score += 0.25;
    // Target and actual columns belong to the project self-evaluation tables the project reader reads.
    if (/(指标值|目标值|实际完成值|完成值|全年执行数)/.test(s)) score -= 0.4;
    if (!HEADER_SQUEEZED.test(s) && score < 0.6) return 0;
    return Math.max(0, Math.min(1, score));
  },
  read(input) {
    const doc = readScoreTables(input.layout, input.fileName);
    // A 自评报告 with its 评分表 attached: the report's cover, figures and sections complete what the sheets give.
    if (findReportTitle(layoutHeadLines(input.layout, 41))) mergeReport(doc, readSelfEvaluationReport(input));
    return doc;
  },
};

export function readScoreTables(layout: Layout, fileName: string): PerformanceDocument {
  const problems = new ProblemList({ file: fileName });
  const unitNames: string[] = [];
  const sheets = [...readRowSheets(layout, unitNames), ...readStreamSheets(layout, problems)].sort((a, b) => order(a.where) - order(b.where));
  const departmentSheet = sheets.find((s) => s.kind === 'department');
  const projectSheets = sheets.filter((s) => s.kind === 'project');
  const doc = emptyDocument(departmentSheet ? 'department-self-evaluation' : 'project-self-evaluation');
  const lines = layoutLines(layout);
  const allText = lines.map((l) => l.text).join('\n');
  const titleYear = sheets.map((s) => (s.title ? /((?:19|20)\d{2})年/.exec(squeeze(s.title)) : null)).find((m) => m);
  doc.year = titleYear ? Number(titleYear[1]) : yearOf(allText);
  doc.department = unitNames[0] ?? null;

  for (const sheet of sheets) {
    const name = sheet.kind === 'department' ? '部门整体支出绩效评价得分表' : '项目支出绩效评价得分表';
    if (sheet.lines.length > 0 && sheet.lines.every((l) => l.score === null)) {
      problems.warning('score-table-blank', `「${sheet.title ?? name}」是空白表样：只有指标和分值，没有填写得分。请上传填好得分的表`, locationOf(fileName, sheet.where));
    }
    if (sheet.lines.some((l) => l.level1 === null)) {
      problems.info('score-levels-missing', `「${sheet.title ?? name}」中部分一级、二级指标只剩分值（如「(20分)」），名称未能读到：这些行的一级、二级指标留空`, locationOf(fileName, sheet.where));
    }
    if (sheet.cutAt) problems.info('document-incomplete', `「${sheet.title ?? name}」在「${sheet.cutAt}」处中断，文件不完整：之后的指标未读取`, locationOf(fileName, sheet.where));
  }
  if (departmentSheet) {
    doc.indicators = toIndicators(departmentSheet);
    if (sheets.filter((s) => s.kind === 'department').length > 1) {
      problems.info('extra-department-sheet', '文件中有多张部门整体得分表，只读取了第一张', { file: fileName });
    }
  }
  const projects: Project[] = projectSheets.map((sheet) => {
    if (!sheet.projectName) problems.warning('project-name-missing', '项目支出绩效评价得分表没有写明项目名称：请核对「单位名称/项目名称」一栏', locationOf(fileName, sheet.where, '项目名称'));
    return {
      name: sheet.projectName ?? '',
      code: null,
      amount: null,
      funding: { fiscal: null, specialAccount: null, other: null },
      category: null,
      description: null,
      goal: null,
      indicators: toIndicators(sheet),
      budget: null,
      statedScore: sheet.statedScore,
      statedGrade: null,
    };
  });
  if (projects.length > 0) doc.units = [{ name: '', code: null, statedAmount: null, projects }];

  const narrative = readNarrativeSections(lines);
  doc.issuesText = narrative.issues?.text ?? null;
  doc.improvementsText = narrative.improvements?.text ?? null;
  const mainSheet = departmentSheet ?? (projectSheets.length === 1 ? projectSheets[0] : undefined);
  doc.statedScore = mainSheet?.statedScore ?? (departmentSheet ? (statedScoreIn(lines)?.score ?? null) : null);
  doc.statedGrade = null;
  if (doc.year === null) problems.warning('year-missing', '得分表没有写明年度：请在导入时选择年度', { file: fileName, field: '年度' });
  doc.problems.push(...problems.items);
  doc.source = { file: fileName, sha256: null, layout: `layout/${layout.source}/score-tables` };
  return doc;
}

/** Problems of the report reader that the sheets may have answered: kept only when still true. */
const REPORT_GAPS = new Set(['score-missing', 'year-missing', 'department-missing']);

function mergeReport(doc: PerformanceDocument, report: PerformanceDocument) {
  doc.department ??= report.department;
  doc.year ??= report.year;
  if (doc.units.length === 0 && report.units.length > 0) doc.units = report.units;
  else if (report.units[0]?.code && doc.units[0] && doc.units[0].name === '') doc.units[0].code = report.units[0].code;
  doc.statedScore ??= report.statedScore ?? null;
  doc.statedGrade ??= report.statedGrade ?? null;
  doc.issuesText ??= report.issuesText ?? null;
  doc.improvementsText ??= report.improvementsText ?? null;
  if (report.profile) doc.profile = { ...report.profile, ...doc.profile };
  if (report.budget) {
    doc.budget = report.budget;
    doc.amountUnit = report.amountUnit;
  }
  const still = (code: string) =>
    (code === 'score-missing' && doc.statedScore == null) || (code === 'year-missing' && doc.year === null) || (code === 'department-missing' && !doc.department);
  const have = new Set(doc.problems.map((p) => p.code));
  for (const p of report.problems) {
    if (REPORT_GAPS.has(p.code) ? still(p.code) && !have.has(p.code) : !have.has(p.code)) doc.problems.push(p);
  }
  // The sheets' own year-missing is answered when the report states the year.
  if (doc.year !== null) doc.problems = doc.problems.filter((p) => p.code !== 'year-missing');
}

function toIndicators(sheet: Sheet): Indicator[] {
  return sheet.lines.map((l, k) => ({
    no: k + 1,
    level1: l.level1,
    level1Code: null,
    level2: l.level2,
    level2Code: null,
    name: l.name,
    periodTarget: null,
    annualTarget: null,
    direction: null,
    weight: l.weight,
    actual: null,
    score: l.score,
  }));
}

function order(w: Where): number {
  return (w.table ?? 0) * 1e6 + (w.row ?? 0);
}

// ——— labels ———

/** `相关性(5分)` → 相关性, 5; `(20分)` → '', 20; `(特性指标70分)` → 特性指标, 70; `经济效益(可选项)` → as written, null. */
export function splitPoints(text: string): { name: string; points: number | null } {
  const t = squeeze(text);
  const inner = /^[（(]([\u4e00-\u9fff]*)(\d+(?:\.\d+)?)分?[)）]$/.exec(t);
  if (inner) return { name: inner[1]!, points: Number(inner[2]) };
  const m = /^(.*?)[（(](\d+(?:\.\d+)?)分?[)）]$/.exec(t);
  if (m) return { name: m[1]!, points: Number(m[2]) };
  return { name: t, points: null };
}

const VALUE = /^\d+(?:\.\d+)?\s*分?$/;
const TOTAL = /^(总分|合计|总计|得分合计|合计得分)$/;

// ——— rows ———

interface HeaderColumns {
  level1: number | null;
  level2: number | null;
  level3: number;
  /** The value columns after 三级指标, in order. */
  values: Array<'weight' | 'score'>;
  valueCols: number[];
}

function headerOf(cells: Array<{ text: string; col: number }>): HeaderColumns | null {
  const norm = cells.map((c) => squeeze(c.text));
  const l3 = norm.findIndex((t) => t === '三级指标');
  if (l3 < 0 || !norm.includes('一级指标')) return null;
  const values: HeaderColumns['values'] = [];
  const valueCols: number[] = [];
  norm.forEach((t, k) => {
    if (k <= l3) return;
    if (t === '分值' || t === '权重') values.push('weight');
    else if (t === '得分' || t === '评分') values.push('score');
    else return;
    valueCols.push(cells[k]!.col);
  });
  if (!values.includes('score')) return null;
  const at = (w: string) => {
    const k = norm.indexOf(w);
    return k >= 0 ? cells[k]!.col : null;
  };
  return { level1: at('一级指标'), level2: at('二级指标'), level3: cells[l3]!.col, values, valueCols };
}

/** Sheets whose header is a table row: each later row of the table is read as described at the top. */
function readRowSheets(layout: Layout, unitNames: string[]): Sheet[] {
  const sheets: Sheet[] = [];
  let tableNo = 0;
  let recent: string[] = [];
  for (const block of layout.blocks) {
    if (block.kind === 'paragraph') {
      recent = [...recent, block.text].slice(-3);
      continue;
    }
    tableNo++;
    if (block.stream) continue;
    const grid = !block.unaligned;
    let sheet: Sheet | null = null;
    let header: HeaderColumns | null = null;
    let l1: string | null = null;
    let l2: string | null = null;
    let pending: { line: ScoreLine; slots: Array<'weight' | 'score'>; fromLabel: boolean } | null = null;
    let projectName: string | null = null;
    let sawProjectField = false;
    block.rows.forEach((row, r) => {
      const cells = row.map((c) => ({ text: c.text.trim(), col: c.col }));
      const where: Where = { table: tableNo, row: r + 1 };
      const h = headerOf(cells);
      if (h) {
        const before = [...recent, ...block.rows.slice(Math.max(0, r - 2), r).map((x) => x.map((c) => c.text).join(' '))].join(' ');
        sheet = { kind: sheetKind(before, sawProjectField, h, sheets.length), title: sheetTitle(before), projectName, lines: [], statedScore: null, where, cutAt: null };
        sheets.push(sheet);
        header = h;
        l1 = null;
        l2 = null;
        pending = null;
        projectName = null;
        sawProjectField = false;
        return;
      }
      const texts = cells.filter((c) => c.text !== '');
      // `单位名称/项目名称 | …` or `项目名称 | …`: the next sheet is a project's; `单位名称 | …` alone names the unit.
      const field = texts.findIndex((c) => squeeze(c.text).split('/').includes('项目名称'));
      const unitField = texts.findIndex((c) => /^(单位名称|部门名称|部门\(单位\)名称|被评价单位)[:：]?$/.test(squeeze(c.text)));
      if (field < 0 && unitField >= 0) {
        const v = texts[unitField + 1]?.text;
        if (v && !VALUE.test(v)) unitNames.push(v);
        return;
      }
      if (field >= 0) {
        sawProjectField = true;
        const v = texts[field + 1]?.text;
        if (v && !VALUE.test(v)) projectName = v;
        if (sheet && header) sheet = null;
        return;
      }
      if (!sheet || !header) {
        recent = [...recent, texts.map((c) => c.text).join(' ')].slice(-3);
        return;
      }
      const s: Sheet = sheet;
      const hd: HeaderColumns = header;
      if (texts.length === 0) {
        // An empty cell on its own line (a wrapped blank score): it fills the line's next slot with nothing.
        if (pending) pending.slots.shift();
        return;
      }
      if (TOTAL.test(squeeze(texts[0]!.text))) {
        const values = texts.slice(1).filter((c) => VALUE.test(c.text)).map((c) => Number.parseFloat(c.text));
        const scoreAt = hd.values.lastIndexOf('score');
        if (values.length === hd.values.length && values[scoreAt] !== undefined) s.statedScore = values[scoreAt]!;
        else if (hd.values.length === 1 && values.length === 1) s.statedScore = values[0]!;
        pending = null;
        return;
      }
      const labels = texts.filter((c) => !VALUE.test(c.text));
      const values = texts.filter((c) => VALUE.test(c.text));
      if (labels.length === 0) {
        if (!pending) return;
        for (const v of values) {
          const slot = pending.slots.shift();
          if (!slot) break;
          setSlot(pending.line, slot, v.text, pending.fromLabel);
        }
        return;
      }
      const leafCell = labels[labels.length - 1]!;
      const parents = labels.slice(0, -1);
      if (grid && (hd.level1 !== null || hd.level2 !== null)) {
        for (const p of parents) {
          if (p.col === hd.level1) {
            l1 = levelName(p.text);
            l2 = null;
          } else if (p.col === hd.level2) l2 = levelName(p.text);
        }
      } else if (parents.length >= 2) {
        l1 = levelName(parents[parents.length - 2]!.text);
        l2 = levelName(parents[parents.length - 1]!.text);
      } else if (parents.length === 1) l2 = levelName(parents[0]!.text);
      const { name, points } = splitPoints(leafCell.text);
      const line: ScoreLine = { level1: l1, level2: l2, name, weight: points, score: null, where };
      s.lines.push(line);
      const slots = [...hd.values];
      const after = values.filter((v) => v.col > leafCell.col || !grid);
      for (const v of after) {
        const slot = grid ? hd.values[hd.valueCols.indexOf(v.col)] : slots.shift();
        if (!slot) continue;
        if (grid) slots.splice(slots.indexOf(slot), 1);
        setSlot(line, slot, v.text, points !== null);
      }
      pending = { line, slots, fromLabel: points !== null };
    });
    // A last line with no points and no value is where the copy was cut (`| 社会`).
    for (const s of sheets) {
      const last = s.lines[s.lines.length - 1];
      if (last && last.weight === null && last.score === null && s.lines.length > 1 && isLastRow(block.rows.length, last.where)) {
        s.lines.pop();
        s.cutAt = last.name;
      }
    }
  }
  return sheets;
}

function isLastRow(rows: number, where: Where): boolean {
  return where.row === rows;
}

function setSlot(line: ScoreLine, slot: 'weight' | 'score', text: string, weightFromLabel: boolean) {
  const v = Number.parseFloat(text);
  if (slot === 'score') line.score = v;
  else if (!weightFromLabel || line.weight === null) line.weight = v;
}

function levelName(text: string): string | null {
  const { name } = splitPoints(text);
  return name === '' ? null : name;
}

function sheetTitle(before: string): string | null {
  const m = /(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff()（）]{0,24}绩效(?:自评|评价)?(?:得分|评分)表/.exec(squeeze(before));
  return m ? m[0] : null;
}

function sheetKind(before: string, sawProjectField: boolean, header: HeaderColumns, index: number): SheetKind {
  const title = sheetTitle(before) ?? '';
  if (/整体/.test(title)) return 'department';
  if (/项目/.test(title) || sawProjectField) return 'project';
  // No title: the 部门整体 sheet has only 得分; a project sheet carries 分值 (Sichuan, §7).
  return index === 0 && !header.values.includes('weight') ? 'department' : 'project';
}

// ——— run-together text ———

const STREAM_ITEM = /((?:[\u4e00-\u9fffA-Za-z、，,/]|[（(][^()（）\d]*[)）])+?)[（(](\d+(?:\.\d+)?)分?[)）]|(\d+(?:\.\d+)?)/g;

/**
 * Sheets in paragraphs (a PDF's text): found by the header words run together, read from the text after them. The
 * text before the first header that looks like part of a score table is reported, not guessed at.
 */
function readStreamSheets(layout: Layout, problems: ProblemList): Sheet[] {
  const paragraphs = layout.blocks.map((b, i) => ({ b, i })).filter((x) => x.b.kind === 'paragraph' || x.b.stream);
  if (paragraphs.length === 0) return [];
  const pieces: Array<{ text: string; where: Where }> = [];
  let line = 0;
  for (const { b } of paragraphs) {
    if (b.kind === 'paragraph') pieces.push({ text: b.text, where: { row: ++line } });
    else for (const row of b.rows) pieces.push({ text: row.map((c) => c.text).join(' '), where: { row: ++line } });
  }
  // The text squeezed, with a map back to the line each character came from; numbers keep a space between them.
  let text = '';
  const lineOf: Where[] = [];
  for (const p of pieces) {
    const t = p.text.normalize('NFKC').replace(/(\d)\s+(?=\d)/g, '$1 ').replace(/\s+(?!\d)|(?<!\d)\s+/g, '');
    for (const ch of `${t} `) {
      text += ch;
      lineOf.push(p.where);
    }
  }
  const sheets: Sheet[] = [];
  const headers = [...text.matchAll(new RegExp(HEADER_SQUEEZED.source, 'g'))];
  if (headers.length === 0) return [];
  const first = headers[0]!.index;
  if ((text.slice(0, first).match(POINTS_LABEL)?.length ?? 0) >= 3 || /\d+分\)[^\s]{0,12}(?:决策|管理|绩效)/.test(text.slice(0, first))) {
    problems.info('score-table-fragment', '文件开头有一段没有表头的得分表（从表格中间开始），其中的指标未读取：请提供完整的得分表', { line: 1 });
  }
  headers.forEach((h, k) => {
    const from = h.index + h[0].length;
    const to = headers[k + 1]?.index ?? text.length;
    const before = text.slice(Math.max(0, h.index - 40), h.index);
    const hasWeightColumn = Boolean(h[1]);
    const sheet: Sheet = {
      kind: /整体/.test(before) ? 'department' : /项目/.test(before) || hasWeightColumn ? 'project' : 'department',
      title: sheetTitle(before),
      projectName: null,
      lines: [],
      statedScore: null,
      where: lineOf[h.index] ?? {},
      cutAt: null,
    };
    readStream(text.slice(from, to), from, lineOf, sheet, hasWeightColumn);
    sheets.push(sheet);
  });
  return sheets;
}

function readStream(body: string, offset: number, lineOf: Where[], sheet: Sheet, hasWeightColumn: boolean) {
  type Item = { label: string; points: number } | { value: number };
  const items: Array<Item & { at: number }> = [];
  let lastEnd = 0;
  for (const m of body.matchAll(STREAM_ITEM)) {
    if (m[3] !== undefined) items.push({ value: Number(m[3]), at: m.index });
    else items.push({ label: m[1]!, points: Number(m[2]), at: m.index });
    lastEnd = m.index + m[0].length;
  }
  const rest = body.slice(lastEnd).replace(/[.…。\s]+/g, '');
  const stack: Array<{ name: string; remaining: number }> = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (!('label' in it)) continue;
    const next = items[k + 1];
    const isLeaf = !next || !('label' in next);
    while (stack.length > 0 && stack[stack.length - 1]!.remaining < it.points) stack.pop();
    if (!isLeaf) {
      if (stack.length >= 2) stack.pop();
      stack.push({ name: it.label, remaining: it.points });
      continue;
    }
    const values: number[] = [];
    for (let j = k + 1; j < items.length && !('label' in items[j]!); j++) values.push((items[j] as { value: number }).value);
    const score = hasWeightColumn ? (values[1] ?? null) : (values[0] ?? null);
    sheet.lines.push({
      level1: stack[0]?.name ?? null,
      level2: stack[1]?.name ?? null,
      name: it.label,
      weight: it.points,
      score,
      where: lineOf[offset + it.at] ?? {},
    });
    for (const s of stack) s.remaining -= it.points;
    while (stack.length > 0 && stack[stack.length - 1]!.remaining <= 0) stack.pop();
    // A parent complete below its child is complete too.
    for (let j = stack.length - 1; j >= 0; j--) if (stack[j]!.remaining <= 0) stack.splice(j, 1);
  }
  if (/[\u4e00-\u9fff]/.test(rest)) sheet.cutAt = rest.slice(0, 20);
}
