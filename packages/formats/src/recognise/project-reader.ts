/**
 * Reads project tables — 项目支出绩效目标表 (申报表, 审批表) and 项目支出绩效自评表 in the national and regional
 * layouts — from the token sequence: label–value fields, the 项目资金 block (sources × 年初预算/全年预算/执行数/分值/
 * 执行率/得分), and the indicator grid named by its header, whatever the columns' order, names or count. A file may
 * hold many projects: a repeated title or a second 项目名称 starts the next one. Nothing is invented: a value the
 * document does not give stays null.
 */
import type { Problem } from '@jixiao/core';
import { isNoValue, readAmount, readPoints, valueOf } from './cells';
import type { Token, Where } from './tokens';
import { normLabel, type KindId, type LabelMeaning, type Vocabulary } from './vocabulary';

export interface IndicatorDraft {
  level1: string | null;
  level2: string | null;
  name: string;
  cells: Record<string, string | null>;
  /** Which grid the row was in: 长期/中期 grids give period targets. */
  targetField: 'annualTarget' | 'periodTarget';
  where: Where;
}

export interface BudgetRowDraft {
  rowKey: number | null;
  source: string;
  label: string;
  cells: Record<string, string | null>;
  where: Where;
}

export interface ProjectDraft {
  fields: Record<string, string | null>;
  /** Amount-like label–value pairs outside a grid (`当年年度预算 65`, `其他资金20万元`). */
  funds: Array<{ key: string; text: string; where: Where; label?: string }>;
  budgetRows: BudgetRowDraft[];
  indicators: IndicatorDraft[];
  totalRow: number[] | null;
  /** Points written in the block labels (`预算执行情况(10分)`, `绩效指标(90分)`). */
  where: Where;
}

export interface TablesRead {
  titleKind: KindId | null;
  title: string | null;
  year: number | null;
  amountUnit: '万元' | '元' | null;
  projects: ProjectDraft[];
  /** A unit/department subtotal line of a flat export (`820-马踏镇部门 | 8,827,620.53`). */
  subtotals: Array<{ name: string; amount: string; where: Where }>;
  headerConcepts: Set<string>;
  problems: Problem[];
}

type Mode = 'fields' | 'budget' | 'indicators';

const PROJECT_COLUMN_FIELDS = new Set(['unit', 'projectName', 'goal', 'department', 'category']);

export function readProjectTables(tokens: Token[], vocab: Vocabulary, fileName: string): TablesRead {
  const out: TablesRead = { titleKind: null, title: null, year: null, amountUnit: null, projects: [], subtotals: [], headerConcepts: new Set(), problems: [] };
  let project = newProject(tokens[0]?.where ?? {});
  let mode: Mode = 'fields';
  let pending: string[] = [];
  let pendingRow: number | null = null;
  let rowHadValue = false;
  let budgetHeader: string[] = [];
  let budgetRow: BudgetRowDraft | null = null;
  let budgetFill = 0;
  let header: Array<{ concept: string; col: number | null }> = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let justSetLevel2 = false;
  let targetField: IndicatorDraft['targetField'] = 'annualTarget';
  // The label of each pending fund slot, by its position in `pending` (kept in step by shiftLabels).
  let fundLabels = new Map<number, string>();
  const shiftLabels = () => {
    const next = new Map<number, string>();
    for (const [k, v] of fundLabels) if (k > 0) next.set(k - 1, v);
    fundLabels = next;
  };

  const finishProject = () => {
    if (hasContent(project)) out.projects.push(project);
  };
  const startProject = (where: Where) => {
    finishProject();
    project = newProject(where);
    mode = 'fields';
    pending = [];
    fundLabels = new Map();
    level1 = null;
    level2 = null;
    targetField = 'annualTarget';
  };

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const meanings = vocab.meanings.get(t.norm) ?? [];
    noteUnitAndYear(t, out);
    // `2015` on one line and `（ 年度）` on the next: the year of a form whose title line was split.
    if (out.year === null && /^\(?年度\)?$/.test(t.norm) && /^(?:19|20)\d{2}\(?$/.test(tokens[i - 1]?.norm ?? '')) out.year = Number(tokens[i - 1]!.norm.slice(0, 4));
    if (out.year === null && /^\(?年度\)?$/.test(t.norm) && /^\($/.test(tokens[i - 1]?.norm ?? '') && /^(?:19|20)\d{2}$/.test(tokens[i - 2]?.norm ?? '')) out.year = Number(tokens[i - 2]!.norm);

    const title = titleOf(t, vocab);
    if (title) {
      out.titleKind ??= title;
      out.title ??= t.text;
      // `鄂州市2022年市直部门预算项目支出绩效目标表`: the title's year, when no `（2022年度）` line says it.
      const y = /((?:19|20)\d{2})\s*年/.exec(t.text);
      if (out.year === null && y) out.year = Number(y[1]);
      if (hasContent(project)) startProject(t.where);
      i++;
      continue;
    }
    const gridSwitch = gridSwitchOf(t);
    if (gridSwitch) {
      targetField = gridSwitch;
      i++;
      continue;
    }
    const indHeader = indicatorHeaderAt(tokens, i, vocab);
    if (indHeader) {
      mode = 'indicators';
      header = indHeader.columns;
      for (const c of header) out.headerConcepts.add(c.concept);
      level1 = null;
      level2 = null;
      pending = [];
      fundLabels = new Map();
      i += indHeader.length;
      continue;
    }
    const budHeader = budgetHeaderAt(tokens, i, vocab);
    if (budHeader) {
      mode = 'budget';
      budgetHeader = budHeader.concepts;
      for (const c of budgetHeader) out.headerConcepts.add(`budget:${c}`);
      budgetRow = null;
      pending = [];
      fundLabels = new Map();
      i += budHeader.length;
      continue;
    }

    if (mode === 'indicators') {
      const step = readIndicatorStep(tokens, i);
      if (step > 0) {
        i += step;
        continue;
      }
      mode = 'fields';
    }
    if (mode === 'budget' && t.inherited) {
      // A merged label (`项目资金（万元）` down the left) repeated on the rows it covers.
      i++;
      continue;
    }
    if (mode === 'budget') {
      const row = meanings.find((m): m is Extract<LabelMeaning, { type: 'budgetRow' }> => m.type === 'budgetRow');
      if (row && !meanings.some((m) => m.type === 'field')) {
        budgetRow = { rowKey: t.rowKey, source: row.source, label: t.text, cells: {}, where: t.where };
        project.budgetRows.push(budgetRow);
        budgetFill = 0;
        i++;
        continue;
      }
      if (budgetRow && meanings.length === 0 && budgetFill < budgetHeader.length && (t.rowKey === null || t.rowKey === budgetRow.rowKey)) {
        budgetRow.cells[budgetHeader[budgetFill]!] = valueOf(t.text, vocab);
        budgetFill++;
        i++;
        continue;
      }
      if (meanings.length === 0 && !budgetRow) {
        i++;
        continue;
      }
      mode = 'fields';
      budgetRow = null;
    }

    // fields mode
    if (pendingRow !== null && t.rowKey !== null && t.rowKey !== pendingRow && rowHadValue) {
      pending = [];
      fundLabels = new Map();
      rowHadValue = false;
    }
    if (t.rowKey !== pendingRow) rowHadValue = false;
    pendingRow = t.rowKey;
    const field = meanings.find((m): m is Extract<LabelMeaning, { type: 'field' }> => m.type === 'field');
    // A delimiter directly followed by another label was a block heading (`项目基本情况`), not a label with a value.
    if (meanings.length > 0 && !t.inherited) while (pending[pending.length - 1] === 'skip') pending.pop();
    if (field && !t.inherited) {
      if (field.field === 'projectName' && project.fields.projectName) startProject(t.where);
      if (field.field === 'totalScore') {
        const total = numbersAfter(tokens, i, vocab);
        project.totalRow = total.numbers;
        i += 1 + total.used;
        continue;
      }
      if (pending[pending.length - 1] === field.field) pending.pop();
      pending.push(field.field);
      i++;
      continue;
    }
    const fund = meanings.find((m) => m.type === 'budgetRow' || m.type === 'budgetColumn');
    if (fund && !t.inherited) {
      pending.push(fund.type === 'budgetRow' ? `fund:${fund.source}` : `amount:${fund.concept}`);
      fundLabels.set(pending.length - 1, t.norm);
      i++;
      continue;
    }
    if (meanings.some((m) => m.type === 'delimiter') || (meanings.length > 0 && !t.inherited)) {
      pending.push('skip');
      i++;
      continue;
    }
    if (t.inherited) {
      i++;
      continue;
    }
    if (pending.length > 1) {
      // Fewer values than waiting labels (`编制单位(盖章): 项目名称 X 项目负责人 …`): the values belong to the
      // nearest labels; the earlier ones were left blank in the form.
      const values = valuesAhead(tokens, i, vocab);
      while (pending.length > values && pending.length > 1) {
        pending.shift();
        shiftLabels();
      }
    }
    if (pending.length > 0) {
      const label = fundLabels.get(0);
      shiftLabels();
      const slot = pending.shift()!;
      const value = valueOf(t.text, vocab);
      rowHadValue = true;
      if (slot.startsWith('fund:') || slot.startsWith('amount:')) {
        if (value !== null) project.funds.push(label ? { key: slot, text: value, where: t.where, label } : { key: slot, text: value, where: t.where });
      } else if (slot !== 'skip' && value !== null && !project.fields[slot]) {
        project.fields[slot] = value;
      }
    }
    i++;
  }
  finishProject();
  return out;

  /** Reads what starts at token i inside the indicator grid; returns how many tokens it used (0: the grid ended). */
  function readIndicatorStep(all: Token[], at: number): number {
    const t = all[at]!;
    const meanings = vocab.meanings.get(t.norm) ?? [];
    if (isTerminator(t, meanings, vocab)) {
      if (meanings.some((m) => (m.type === 'field' && m.field === 'totalScore') || (m.type === 'budgetRow' && m.source === 'total')) || /^(总分|合计|总计)$/.test(t.norm)) {
        const total = numbersAfter(all, at, vocab);
        project.totalRow = total.numbers;
        mode = 'fields';
        return 1 + total.used;
      }
      return 0;
    }
    if (header.some((h) => h.col !== null) && t.col !== null && t.rowKey !== null) return readGridRow(all, at);
    if (t.rowKey !== null) return readListedRow(all, at);
    return readStreamRow(all, at);
  }

  function levelOf(t: Token): { l1?: string; l2?: string } | null {
    const meanings = vocab.meanings.get(t.norm) ?? [];
    const l2 = meanings.find((m) => m.type === 'level2') as { name: string } | undefined;
    const l1 = meanings.find((m) => m.type === 'level1') as { name: string } | undefined;
    if (l1 && l2) return t.norm.startsWith('成本') && level1 === null ? { l1: l1.name } : { l2: l2.name };
    if (l1) return { l1: l1.name };
    if (l2) return { l2: l2.name };
    return null;
  }

  function setLevel(level: { l1?: string; l2?: string }) {
    if (level.l1) {
      level1 = level.l1;
      level2 = null;
      justSetLevel2 = false;
    }
    if (level.l2) {
      const parent = vocab.data.level2Parent[level.l2] ?? null;
      // `成本指标 | 经济成本指标` (101号): 成本指标 was a first level, not the 成本 二级 of 产出.
      if (level2 === '成本指标' && parent === '成本指标') level1 = '成本指标';
      level2 = level.l2;
      level1 ??= parent;
      justSetLevel2 = true;
    }
  }

  /** One cell per token, rows lost: level names, then a name and as many values as the header has after the name. */
  function readStreamRow(all: Token[], at: number): number {
    const t = all[at]!;
    const level = levelOf(t);
    if (level && !(justSetLevel2 && level.l2 === level2)) {
      setLevel(level);
      return 1;
    }
    justSetLevel2 = false;
    if (t.text === '') return 1;
    if ((vocab.meanings.get(t.norm) ?? []).length > 0) return 0;
    const nameAt = header.findIndex((h) => h.concept === 'indicatorName');
    const after = header.slice(nameAt + 1);
    const cells: Record<string, string | null> = {};
    let used = 1;
    for (const col of after) {
      const v = all[at + used];
      if (!v || levelOf(v) || isTerminator(v, vocab.meanings.get(v.norm) ?? [], vocab) || titleOf(v, vocab)) break;
      if (v.text !== '' && (vocab.meanings.get(v.norm) ?? []).some((m) => m.type === 'field' || m.type === 'delimiter')) break;
      cells[col.concept] = valueOf(v.text, vocab);
      used++;
    }
    if (at + used >= all.length && Object.values(cells).every((v) => v === null)) {
      // The document ends inside this row: a cut-off copy, not an indicator without values.
      out.problems.push({ severity: 'info', code: 'document-incomplete', message: `文档在指标「${t.text}」处中断，后面的内容没有读到：请核对文件是否完整`, location: locationOf(fileName, t.where) });
      return used;
    }
    addIndicator(t.text, cells, t.where);
    return used;
  }

  /** A row whose cells are known but not their columns (pipe tables): aligned on its level name, else on the name. */
  function readListedRow(all: Token[], at: number): number {
    const row: Token[] = [];
    for (let k = at; k < all.length && all[k]!.rowKey === all[at]!.rowKey; k++) row.push(all[k]!);
    const concepts = header.map((h) => h.concept);
    const anchor = row.findIndex((c) => levelOf(c) !== null);
    let offset: number;
    if (anchor >= 0) {
      const lv = levelOf(row[anchor]!)!;
      const h = concepts.indexOf(lv.l1 ? 'level1' : 'level2');
      offset = (h >= 0 ? h : concepts.indexOf('level1')) - anchor;
    } else if (row.length >= concepts.length) offset = 0;
    else offset = Math.max(0, concepts.indexOf('indicatorName'));
    const cells: Record<string, string | null> = {};
    row.forEach((c, k) => {
      const concept = concepts[k + offset];
      if (concept) cells[concept] = c.text;
    });
    return finishMappedRow(row, cells);
  }

  /** A grid row: each cell's column says what it is. */
  function readGridRow(all: Token[], at: number): number {
    const row: Token[] = [];
    for (let k = at; k < all.length && all[k]!.rowKey === all[at]!.rowKey; k++) row.push(all[k]!);
    const cells: Record<string, string | null> = {};
    for (const c of row) {
      const h = [...header].reverse().find((x) => x.col !== null && x.col <= c.col!);
      if (h && cells[h.concept] === undefined) cells[h.concept] = c.text;
    }
    return finishMappedRow(row, cells);
  }

  function finishMappedRow(row: Token[], all: Record<string, string | null>): number {
    let cells = all;
    const sideBySide = Object.keys(all).some((k) => k.endsWith('#2'));
    if (sideBySide) {
      // Read the 年度 half as the row; the 中期 half's value joins it (or stands alone when its name differs).
      const left: Record<string, string | null> = {};
      const right: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(all)) (k.endsWith('#2') ? right : left)[k.replace(/#2$/, '')] = v;
      const leftName = valueOf(left.indicatorName ?? undefined, vocab);
      const rightName = valueOf(right.indicatorName ?? undefined, vocab);
      if (leftName && rightName && leftName !== rightName) {
        addIndicator(leftName, { periodTarget: valueOf(left.periodTarget ?? undefined, vocab) }, row[0]!.where);
        right.periodTarget = null;
      } else right.periodTarget = left.periodTarget ?? null;
      if (!rightName && leftName) right.indicatorName = leftName;
      right.level1 ??= left.level1 ?? null;
      right.level2 ??= left.level2 ?? null;
      cells = right;
    }
    const first = row[0]!;
    if (row.every((c) => c.text === '')) return row.length;
    const texts = row.filter((c) => !c.inherited).map((c) => c.text).filter((x) => x !== '');
    if (hasProjectColumns(header) && texts.length === 2 && readAmount(texts[1]!) !== null && !row.some((c) => levelOf(c))) {
      // `820-马踏镇部门 | 8,827,620.53`: a unit's subtotal line of a flat export.
      out.subtotals.push({ name: texts[0]!, amount: texts[1]!, where: first.where });
      return row.length;
    }
    // Project columns of a flat export: a row naming a project starts it (before its levels are read).
    const projectName = valueOf(cells.projectName ?? undefined, vocab);
    if (projectName && hasProjectColumns(header)) {
      if (project.fields.projectName && projectName !== project.fields.projectName) {
        const unit = project.fields.unit ?? null;
        startProjectKeepingGrid(first.where);
        if (unit) project.fields.unit = unit;
      }
      project.fields.projectName = projectName;
    }
    const l1 = cells.level1 ? levelByWord(cells.level1, 'level1') : null;
    const l2 = cells.level2 ? levelByWord(cells.level2, 'level2') : null;
    if (l1) {
      if (l1 !== level1) level2 = null;
      level1 = l1;
    } else if (cells.level1 && !isNoValue(cells.level1, vocab)) level1 = normLabel(cells.level1);
    if (l2) level2 = l2;
    else if (cells.level2 && !isNoValue(cells.level2, vocab)) level2 = normLabel(cells.level2);
    if (level2 && !level1) level1 = vocab.data.level2Parent[level2] ?? null;
    for (const f of ['unit', 'goal', 'department', 'category']) {
      const v = valueOf(cells[f] ?? undefined, vocab);
      if (v && hasProjectColumns(header)) project.fields[f] = v;
    }
    const amount = valueOf(cells['budget:adjusted'] ?? cells['budget:initial'] ?? undefined, vocab);
    if (amount && hasProjectColumns(header)) project.funds.push({ key: 'amount:adjusted', text: amount, where: first.where });
    const name = valueOf(cells.indicatorName ?? undefined, vocab);
    if (!name) return row.length;
    const values: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(cells)) if (!['level1', 'level2', 'indicatorName'].includes(k)) values[k] = valueOf(v ?? undefined, vocab);
    addIndicator(name, values, first.where);
    return row.length;
  }

  function startProjectKeepingGrid(where: Where) {
    const keep = { header, level1, level2 };
    startProject(where);
    mode = 'indicators';
    header = keep.header;
    level1 = null;
    level2 = null;
  }

  function levelByWord(word: string, type: 'level1' | 'level2'): string | null {
    const m = (vocab.meanings.get(normLabel(word)) ?? []).find((x) => x.type === type || x.type === 'level1' || x.type === 'level2');
    return m && 'name' in m ? m.name : null;
  }

  function addIndicator(rawName: string, cells: Record<string, string | null>, where: Where) {
    let name = rawName.trim();
    if (!Object.values(cells).some((v) => v !== null && v !== '')) {
      // Run-together text glues the value (and the 指标解释) to the name: `免费开放天数=300天`.
      const glued = splitGlued(name);
      if (glued) {
        name = glued.name;
        const targetConcept = header.find((h) => h.concept === 'annualTarget' || h.concept === 'periodTarget')?.concept ?? 'annualTarget';
        cells = { ...cells, [targetConcept]: glued.value };
        if (glued.explanation) cells.explanation = glued.explanation;
      }
    }
    const placeholder = vocab.placeholder.some((re) => re.test(name));
    const anyValue = Object.values(cells).some((v) => v !== null && v !== '');
    if (placeholder && !anyValue) return;
    if (isNoValue(name, vocab) && !anyValue) return;
    name = name.replace(vocab.placeholderPrefix, '').trim() || name;
    project.indicators.push({ level1, level2, name, cells, targetField, where });
  }
}

/**
 * `免费开放天数=300天` → 免费开放天数 | =300天; `各项工作完成及时率%=99百分比` → 各项工作完成及时率 | %=99百分比;
 * `大楼安检巡察次数反映大楼保卫巡检情况200次` → 大楼安检巡察次数 | 200次, 指标解释 反映大楼保卫巡检情况. Only an
 * operator or a number with a short unit at the end is cut; anything else stays the name as written.
 */
export function splitGlued(text: string): { name: string; value: string; explanation: string | null } | null {
  // An indicator's name and value are short; the lazy patterns below must not run on a paragraph.
  if (text.length > 120) return null;
  const op = /^(.*?[\u4e00-\u9fff)）])(%?[≥≤=<>＞＜≧≦]\s*\d[\d.,]*\s*[^\d\s,，。;；]{0,6})$/.exec(text);
  const tail = op ?? /^(.*?[\u4e00-\u9fff)）])(\d[\d.,]*\s*(?:%|[\u4e00-\u9fff/]{1,4}))$/.exec(text);
  if (!tail || tail[1]!.length < 2) return null;
  let name = tail[1]!;
  let explanation: string | null = null;
  const reflect = name.indexOf('反映');
  if (reflect >= 2) {
    explanation = name.slice(reflect);
    name = name.slice(0, reflect);
  }
  return { name, value: tail[2]!, explanation };
}

function locationOf(file: string, where: Where): Problem['location'] {
  const l: Problem['location'] = { file };
  if (where.page) l.page = where.page;
  if (where.table) l.table = where.table;
  if (where.row) l.row = where.row;
  if (where.sheet) l.sheet = where.sheet;
  return l;
}

/** How many value cells follow from token i before the next label (on the same row, when rows are known). */
function valuesAhead(tokens: Token[], i: number, vocab: Vocabulary): number {
  const row = tokens[i]!.rowKey;
  let n = 0;
  for (let k = i; k < tokens.length && n < 20; k++) {
    const t = tokens[k]!;
    if (row !== null && t.rowKey !== row && n > 0) {
      // A value row below a row of labels: the next row's cells count too.
      if (tokens[k - 1]!.rowKey !== row) break;
    }
    if (t.text !== '' && (vocab.meanings.get(t.norm) ?? []).length > 0) break;
    n++;
  }
  return n;
}

function newProject(where: Where): ProjectDraft {
  return { fields: {}, funds: [], budgetRows: [], indicators: [], totalRow: null, where };
}

function hasContent(p: ProjectDraft): boolean {
  return Boolean(p.fields.projectName) || p.indicators.length > 0 || p.budgetRows.length > 0 || p.funds.length > 0;
}

function hasProjectColumns(header: Array<{ concept: string }>): boolean {
  return header.some((h) => h.concept === 'projectName');
}

function titleOf(t: Token, vocab: Vocabulary): KindId | null {
  if (t.norm.length < 5 || t.norm.length > 80) return null;
  for (const { kind, title } of vocab.titles) {
    const at = t.norm.indexOf(title);
    if (at >= 0 && t.norm.length - title.length <= 40) return kind;
  }
  return null;
}

function gridSwitchOf(t: Token): 'annualTarget' | 'periodTarget' | null {
  if (/^(长期|中期)绩效指标$/.test(t.norm)) return 'periodTarget';
  if (/^年度绩效指标$/.test(t.norm)) return 'annualTarget';
  return null;
}

function isTerminator(t: Token, meanings: LabelMeaning[], vocab: Vocabulary): boolean {
  if (titleOf(t, vocab)) return true;
  if (t.inherited) return false;
  return meanings.some(
    (m) => (m.type === 'field' && m.field !== 'unit') || m.type === 'delimiter' || (m.type === 'budgetRow' && m.source === 'total' && /^(合计|总计)$/.test(t.norm)),
  ) || /^(总分|合计|总计)$/.test(t.norm);
}

/** The numbers after a 合计/总分 label on its row (or the next few cells when rows are lost). */
function numbersAfter(tokens: Token[], i: number, vocab: Vocabulary): { numbers: number[]; used: number } {
  const numbers: number[] = [];
  const row = tokens[i]!.rowKey;
  let used = 0;
  // The rest of the row when rows are known; a few cells when they are lost.
  const reach = row !== null ? 64 : 8;
  for (let k = i + 1; k < tokens.length && k <= i + reach; k++) {
    const t = tokens[k]!;
    if (row !== null && t.rowKey !== row) break;
    if (t.text !== '' && (vocab.meanings.get(t.norm) ?? []).length > 0) break;
    const n = readPoints(valueOf(t.text, vocab));
    if (n !== null) numbers.push(n);
    else if (t.text !== '' && !isNoValue(t.text, vocab)) break;
    used++;
  }
  return { numbers, used };
}

function noteUnitAndYear(t: Token, out: TablesRead) {
  const s = t.text.normalize('NFKC');
  if (out.amountUnit === null) {
    const u = /(?:金额单位|单位)[:：]?\s*(万元|元)/.exec(s) ?? /\((万元|元)\)/.exec(s);
    if (u) out.amountUnit = u[1] as '万元' | '元';
  }
  if (out.year === null) {
    const y = /((?:19|20)\d{2})\s*年度/.exec(s);
    if (y) out.year = Number(y[1]);
  }
}

/** A run of at least three cells naming indicator columns, with a name or 一级 column and a value column. */
function indicatorHeaderAt(tokens: Token[], i: number, vocab: Vocabulary): { columns: Array<{ concept: string; col: number | null }>; length: number } | null {
  const columns: Array<{ concept: string; col: number | null }> = [];
  let k = i;
  let indicatorColumns = 0;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (k > i && tokens[i]!.rowKey !== null && t.rowKey !== tokens[i]!.rowKey) break;
    const ms = vocab.meanings.get(t.norm) ?? [];
    const ic = ms.find((m) => m.type === 'indicatorColumn') as { concept: string } | undefined;
    const pf = ms.find((m) => m.type === 'field' && PROJECT_COLUMN_FIELDS.has(m.field)) as { field: string } | undefined;
    const bc = ms.find((m) => m.type === 'budgetColumn' && (m.concept === 'adjusted' || m.concept === 'initial')) as { concept: string } | undefined;
    if (ic) {
      columns.push({ concept: ic.concept, col: t.col });
      indicatorColumns++;
    } else if (pf) columns.push({ concept: pf.field, col: t.col });
    else if (bc) columns.push({ concept: `budget:${bc.concept}`, col: t.col });
    else break;
    k++;
  }
  const concepts = columns.map((c) => c.concept);
  if (indicatorColumns < 3) return null;
  const hasName = concepts.includes('indicatorName') || concepts.includes('level2');
  const hasValue = concepts.some((c) => ['annualTarget', 'periodTarget', 'actual', 'score', 'weight'].includes(c));
  if (!hasName || !hasValue || !concepts.includes('level1') && !concepts.includes('indicatorName')) return null;
  const second = concepts.indexOf('level1') >= 0 ? concepts.indexOf('level1', concepts.indexOf('level1') + 1) : -1;
  if (second > 0 && concepts.slice(second).includes('indicatorName')) {
    // 88号 drawing: the 中期 grid on the left, the 年度 grid on the right, under the same header words.
    columns.forEach((c, at) => {
      if (at < second) c.concept = c.concept === 'annualTarget' ? 'periodTarget' : c.concept;
      else c.concept = `${c.concept}#2`;
    });
    return { columns, length: k - i };
  }
  if (!concepts.includes('indicatorName')) {
    // `一级指标 | 二级指标 | 绩效标准 | 当年预期实现值` (鄂州): the indicator's name sits in the column after 二级.
    const at = concepts.indexOf('level2');
    columns.splice(at + 1, 0, { concept: 'indicatorName', col: null });
  }
  return { columns, length: k - i };
}

/** A run of at least three budget columns: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
function budgetHeaderAt(tokens: Token[], i: number, vocab: Vocabulary): { concepts: string[]; length: number } | null {
  const concepts: string[] = [];
  let k = i;
  while (k < tokens.length) {
    const ms = vocab.meanings.get(tokens[k]!.norm) ?? [];
    const bc = ms.find((m) => m.type === 'budgetColumn') as { concept: string } | undefined;
    if (!bc) break;
    concepts.push(bc.concept);
    k++;
  }
  if (concepts.length < 3 || !concepts.includes('spent') && !concepts.includes('initial')) {
    // 88号 申报表: `中期资金总额 | 年度资金总额` over rows 资金总额 / 其中：财政拨款 / 其他资金 (the year's column counts).
    const pair = tokens.slice(i, i + 2).map((t) => t.norm);
    if (pair[0] === '中期资金总额' && pair[1] === '年度资金总额') return { concepts: ['period', 'adjusted'], length: 2 };
    return null;
  }
  return { concepts, length: k - i };
}

