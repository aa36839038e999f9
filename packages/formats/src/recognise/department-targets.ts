/**
 * 部门（单位）整体支出绩效目标（申报）表 (财预〔2015〕88号 附2, templates.md §2) from the tokens: 部门名称, the
 * 部门总体资金情况 block (收入构成 财政拨款/其他资金/合计, 支出构成 基本支出/项目支出/合计, Hubei 广水), 部门职能概述,
 * 年度主要任务 rows (任务名称 | 主要内容 | 预算申请 总额/财政拨款/其他资金), 年度总体目标 and the 年度绩效指标 grid
 * (read by the project-table reader, whose indicators are moved here). A figure is kept only when its cell holds a
 * clean number: PDF text that broke a number (`968.191 8`) or lost its decimal point (`7242318` under a total of
 * 968) is reported with its place, never repaired.
 */
import { emptyDocument, listProjects, ProblemList, type DepartmentProfile, type Indicator, type KeyTask, type PerformanceDocument } from '@jixiao/core';
import { readAmount, valueOf } from './cells';
import { readProjectTables } from './project-reader';
import type { RecogniseInput, Recogniser } from './recognisers';
import { locationOf, squeeze } from './report-lines';
import { tablesToDocument } from './to-document';
import type { Token, Where } from './tokens';
import { normLabel, type Vocabulary } from './vocabulary';

const BLOCK_LABELS = new Set(['年度主要任务', '年度总体目标', '年度绩效指标', '部门职能概述', '部门总体资金情况', '任务名称', '整体绩效目标', '年度工作任务'].map(normLabel));

export const departmentTargets: Recogniser = {
  id: 'department-targets',
  score(input) {
    const s = squeeze(input.text);
    let score = 0;
    if (input.titleKind === 'department-targets') score += 0.6;
    if (/年度主要任务/.test(s) && /任务名称/.test(s)) score += 0.3;
    if (/部门总体资金情况|收入构成/.test(s) && /基本支出/.test(s)) score += 0.2;
    if (/部门职能概述/.test(s)) score += 0.1;
    // A 部门整体 self-evaluation (实际完成, 得分) is not a target table.
    if (input.titleKind === 'department-self-evaluation' || /实际完成值|自评得分/.test(s)) score -= 0.5;
    return Math.max(0, Math.min(1, score));
  },
  read(input) {
    return readDepartmentTargets(input);
  },
};

export function readDepartmentTargets(input: RecogniseInput): PerformanceDocument {
  const { tokens, vocab, fileName } = input;
  const problems = new ProblemList({ file: fileName });
  const doc = emptyDocument('department-targets');
  const profile: DepartmentProfile = {};

  doc.department = departmentName(tokens, vocab);
  if (!doc.department) problems.warning('department-missing', '没有读到部门（单位）名称：请核对表头「部门(单位)名称」一栏', { file: fileName, field: '部门(单位)名称' });
  doc.year = titleYear(tokens, vocab);
  if (doc.year === null) {
    const filled = /填报日期[:：]?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(squeeze(input.text));
    const note = filled ? `（表上只有填报日期 ${filled[1]}年${filled[2]}月${filled[3]}日）` : '';
    problems.warning('year-missing', `标题中没有写明预算年度${note}：请在导入时选择年度`, { file: fileName, field: '年度' });
  }

  const funds = readFundBlock(tokens, vocab, problems, fileName);
  Object.assign(profile, funds.profile);
  if (Object.keys(funds.figures).length > 0) profile.statedFigures = funds.figures;

  const functions = readFunctions(tokens, vocab);
  if (functions) profile.functions = functions;

  const goal = labelledValue(tokens, vocab, ['年度总体目标', '整体绩效目标', '年度绩效目标']);
  if (goal) {
    profile.overallGoal = goal;
    doc.goalText = goal;
  }

  const tasks = readTasks(tokens, vocab);
  if (tasks.length > 0) doc.keyTasks = tasks;
  else problems.info('tasks-missing', '没有读到「年度主要任务」（任务名称、主要内容、预算申请）：文件可能不完整', { file: fileName, field: '年度主要任务' });

  const indicators = readIndicators(input);
  if (indicators.length > 0) doc.indicators = indicators;
  else problems.info('indicators-missing', '没有读到「年度绩效指标」（一级指标、二级指标、三级指标、指标值）：文件可能不完整', { file: fileName, field: '年度绩效指标' });

  if (Object.keys(profile).length > 0) doc.profile = profile;
  doc.problems = problems.items;
  doc.source = { file: fileName, sha256: null, layout: `layout/${input.layout.source}/department-targets` };
  return doc;
}

function isLabel(t: Token, vocab: Vocabulary): boolean {
  return (vocab.meanings.get(t.norm) ?? []).length > 0 || BLOCK_LABELS.has(t.norm);
}

/** `部门(单位)名称 | 广水市人民政府办公室`; PDF text may put another label (`填报人`) or cut the label (`日部门(单位)` `名称`). */
function departmentName(tokens: Token[], vocab: Vocabulary): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let at = -1;
    if (['部门(单位)名称', '部门名称', '单位名称', '部门(单位)'].includes(t.norm) && !(t.norm === '部门(单位)' && tokens[i + 1]?.norm !== '名称')) at = t.norm === '部门(单位)' ? i + 2 : i + 1;
    else if (t.norm.endsWith('部门(单位)') && tokens[i + 1]?.norm === '名称') at = i + 2;
    if (at < 0) continue;
    for (let k = at; k < Math.min(tokens.length, at + 4); k++) {
      const v = tokens[k]!;
      if (v.text === '' || isLabel(v, vocab) || /^\[.*\]$/.test(v.text) || /^[\d\s.,%:：-]+$/.test(v.text)) continue;
      return v.text.replace(/\(盖章\)|（盖章）/g, '').trim() || null;
    }
  }
  return null;
}

/** `2021年度部门整体支出绩效目标申报表`: the year in the title itself (a 填报日期 on the same line is not it). */
function titleYear(tokens: Token[], vocab: Vocabulary): number | null {
  for (const t of tokens.slice(0, 200)) {
    for (const { title, kind } of vocab.titles) {
      if (kind !== 'department-targets') continue;
      const at = t.norm.indexOf(title);
      if (at < 0) continue;
      const m = /((?:19|20)\d{2})年度?/.exec(t.norm.slice(0, at));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

type FundKey = '财政拨款' | '其他资金' | '收入合计' | '基本支出' | '项目支出' | '支出合计';

interface FundValue {
  key: FundKey;
  text: string;
  value: number | null;
  share: number | null;
  where: Where;
  broken: boolean;
}

/**
 * The 部门总体资金情况 block. Each label takes the amount that follows it (same row when rows are known) and the
 * share after it; a label followed by another label has no value here (PDF text out of reading order).
 */
function readFundBlock(tokens: Token[], vocab: Vocabulary, problems: ProblemList, fileName: string): { profile: DepartmentProfile; figures: Record<string, number> } {
  const values: FundValue[] = [];
  let sawSpending = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let key: FundKey | null = null;
    if (/^(其中:)?(当年)?财政拨款$/.test(t.norm)) key = '财政拨款';
    else if (/^(其中:)?其[他它]资金$/.test(t.norm)) key = '其他资金';
    else if (t.norm === '基本支出') key = '基本支出';
    else if (t.norm === '项目支出') key = '项目支出';
    else if (/^(收入合计|支出合计|合计)$/.test(t.norm)) key = t.norm === '收入合计' ? '收入合计' : t.norm === '支出合计' || sawSpending ? '支出合计' : '收入合计';
    if (!key) continue;
    if (key === '基本支出' || key === '项目支出') sawSpending = true;
    const read = amountAfter(tokens, i, vocab);
    if (read) values.push({ key, ...read });
  }
  const profile: DepartmentProfile = {};
  const figures: Record<string, number> = {};
  if (values.length === 0) return { profile, figures };
  const firstOf = (k: FundKey) => values.find((v) => v.key === k);
  const total = firstOf('支出合计') ?? firstOf('收入合计');
  // A bound for the parts: the total when clean, else the whole-number part of a broken total (`968.191 8` → 968).
  const bound = total?.value ?? (total?.broken ? Number.parseInt(total.text, 10) + 1 : null);
  const reported = new Set<string>();
  for (const v of values) {
    const place = locationOf(fileName, v.where, v.key);
    if (v.broken) {
      if (!reported.has(`${v.key}:${v.text}`)) problems.warning('figure-unreadable', `「${v.key}」的金额「${v.text}」在提取的文字中被拆开，无法确定数值：未读取，请核对原文件或上传 .docx/.xlsx`, place);
      reported.add(`${v.key}:${v.text}`);
      v.value = null;
      continue;
    }
    if (v.value === null) continue;
    const isPart = v.key !== '收入合计' && v.key !== '支出合计';
    if (isPart && bound !== null && v.value > bound) {
      problems.warning('figure-implausible', `「${v.key}」的金额「${v.text}」大于合计「${total?.text ?? ''}」，可能是提取时丢失了小数点：未读取，请核对原文件`, place);
      v.value = null;
      continue;
    }
    if (isPart && total?.value && v.share !== null && Math.abs((v.value / total.value) * 100 - v.share) > 0.6) {
      problems.warning('figure-share-mismatch', `「${v.key}」的金额 ${v.text} 与所写占比 ${v.share}% 不符（合计 ${total.text}）：未读取，请核对`, place);
      v.value = null;
    }
  }
  const clean = (k: FundKey) => {
    const v = values.find((x) => x.key === k && x.value !== null);
    return v ? v.value : null;
  };
  const totalValue = clean('支出合计') ?? clean('收入合计');
  if (totalValue !== null) profile.budgetTotal = totalValue;
  if (clean('基本支出') !== null) profile.basicExpenditure = clean('基本支出');
  if (clean('项目支出') !== null) profile.projectExpenditure = clean('项目支出');
  for (const k of ['财政拨款', '其他资金', '收入合计', '支出合计'] as const) {
    const v = clean(k);
    if (v !== null) figures[k] = v;
  }
  return { profile, figures };
}

/** The amount after a label: a number, with a lone digit group glued after it marking a broken number; then a share. */
function amountAfter(tokens: Token[], i: number, vocab: Vocabulary): Omit<FundValue, 'key'> | null {
  const row = tokens[i]!.rowKey;
  const sameRow = (t: Token | undefined) => t !== undefined && (row === null || t.rowKey === row);
  let k = i + 1;
  while (k < tokens.length && tokens[k]!.text === '' && sameRow(tokens[k])) k++;
  const t = tokens[k];
  if (!t || !sameRow(t) || isLabel(t, vocab)) return null;
  const text = t.text.normalize('NFKC').trim();
  if (!/^-?[\d,]+(\.\d+)?$/.test(text)) return null;
  const next = tokens[k + 1];
  const glued = next && sameRow(next) && /^\d{1,3}$/.test(next.text.trim()) && !next.text.endsWith('%');
  let shareAt = k + (glued ? 2 : 1);
  while (tokens[shareAt]?.text === '' && sameRow(tokens[shareAt])) shareAt++;
  const shareToken = tokens[shareAt];
  const share = shareToken && sameRow(shareToken) ? /^(\d+(?:\.\d+)?)%$/.exec(shareToken.text.trim()) : null;
  if (glued) return { text: `${text} ${next.text.trim()}`, value: null, share: share ? Number(share[1]) : null, where: t.where, broken: true };
  return { text, value: readAmount(text)?.value ?? null, share: share ? Number(share[1]) : null, where: t.where, broken: false };
}

/**
 * 部门职能概述: the value cell in a grid, or, in PDF text where the label landed among the items, the run of prose
 * around it (`（一）负责…` … `（十二）…`), page footers (`— 1 —`) dropped.
 */
function readFunctions(tokens: Token[], vocab: Vocabulary): string | null {
  const at = tokens.findIndex((t) => ['部门职能概述', '部门职能', '主要职能', '职能职责概述'].includes(t.norm));
  if (at < 0) return null;
  const label = tokens[at]!;
  if (label.rowKey !== null && label.col !== null) {
    const v = tokens.slice(at + 1).find((t) => t.rowKey === label.rowKey && t.text !== '');
    return v && !isLabel(v, vocab) ? v.text : null;
  }
  const isProse = (t: Token) => t.text !== '' && !isLabel(t, vocab) && !/^[\d.,%\s—-]+$/.test(t.text);
  const isFooter = (t: Token) => /^[—-]$/.test(t.text) || (/^\d{1,3}$/.test(t.text) && /^[—-]$/.test(tokens[tokens.indexOf(t) - 1]?.text ?? ''));
  let from = at;
  while (from > 0 && (isProse(tokens[from - 1]!) || isFooter(tokens[from - 1]!))) from--;
  let to = at + 1;
  while (to < tokens.length && (isProse(tokens[to]!) || isFooter(tokens[to]!))) to++;
  const parts = [...tokens.slice(from, at), ...tokens.slice(at + 1, to)].filter((t) => !isFooter(t)).map((t) => t.text);
  if (parts.length === 0) return null;
  // An item starts a new line (`（二）…`); other pieces are a sentence wrapped by the extraction.
  return parts.reduce((acc, p) => (acc === '' ? p : /^[（(][一二三四五六七八九十]+[)）]/.test(p) ? `${acc}\n${p}` : acc + p), '');
}

function labelledValue(tokens: Token[], vocab: Vocabulary, labels: string[]): string | null {
  const wanted = new Set(labels.map(normLabel));
  for (let i = 0; i < tokens.length; i++) {
    if (!wanted.has(tokens[i]!.norm)) continue;
    const parts: string[] = [];
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.inherited || t.text === '') continue;
      if (isLabel(t, vocab)) break;
      if (tokens[i]!.rowKey !== null && t.rowKey !== tokens[i]!.rowKey && parts.length > 0) break;
      parts.push(t.text);
      if (tokens[i]!.rowKey === null) break;
    }
    const v = valueOf(parts.join('\n'), vocab);
    if (v) return v;
  }
  return null;
}

/** 年度主要任务 rows after the `任务名称 | 主要内容 | 预算申请` header (rows known): name, content, 总额. */
function readTasks(tokens: Token[], vocab: Vocabulary): KeyTask[] {
  const head = tokens.findIndex((t) => t.norm === '任务名称');
  if (head < 0 || tokens[head]!.rowKey === null) return [];
  const rows = new Map<number, Token[]>();
  const order: number[] = [];
  for (const t of tokens.slice(head + 1)) {
    if (t.rowKey === null || t.rowKey === tokens[head]!.rowKey) continue;
    if (!rows.has(t.rowKey)) {
      rows.set(t.rowKey, []);
      order.push(t.rowKey);
    }
    rows.get(t.rowKey)!.push(t);
  }
  const tasks: KeyTask[] = [];
  for (const key of order) {
    const cells = rows.get(key)!.filter((t) => !t.inherited && !['年度主要任务', '预算申请', '预算申请(万元)'].includes(t.norm));
    const texts = cells.map((t) => t.text);
    if (texts.every((x) => x === '')) continue;
    // The second header row (`总额 | 财政拨款 | 其他资金`) carries no task.
    if (cells.every((t) => t.text === '' || /^(总额|财政拨款|其他资金|其它资金)$/.test(t.norm))) continue;
    const first = cells.find((t) => t.text !== '')!;
    if (/^(金额)?合计$/.test(first.norm) || BLOCK_LABELS.has(first.norm) || /一级指标/.test(first.norm)) break;
    const nonEmpty = cells.filter((t) => t.text !== '');
    const name = nonEmpty[0]!.text;
    const content = valueOf(nonEmpty[1]?.text, vocab);
    const total = readAmount(valueOf(nonEmpty[2]?.text, vocab));
    tasks.push({ name, content, funds: total?.value ?? null, expected: null, projects: [] });
  }
  return tasks;
}

/** The 年度绩效指标 grid, read by the project-table reader from its header on; its indicators are the department's. */
function readIndicators(input: RecogniseInput): Indicator[] {
  const from = input.tokens.findIndex((t) => t.norm === '年度绩效指标' || t.norm === '一级指标');
  if (from < 0) return [];
  const read = readProjectTables(input.tokens.slice(from), input.vocab, input.fileName);
  const projectDoc = tablesToDocument(read, 'project-targets', input.fileName, 'department-targets/indicators');
  return listProjects(projectDoc)
    .flatMap(({ project }) => project.indicators)
    .map((ind, k) => ({ ...ind, no: k + 1 }));
}
