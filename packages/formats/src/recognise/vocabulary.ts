/**
 * The vocabulary the general reader recognises documents by (issue 10, templates.md §8), loaded from
 * `vocabulary.json` and optionally extended by a district's own file of the same shape (merged: its synonyms are
 * added to ours, never replace them). Every lookup goes through `normLabel`, so full/half-width brackets and colons,
 * spaces inside words, numbering (`1.`, `（一）`) and points in labels (`产出指标(50分)`) do not matter.
 */
import builtin from './vocabulary.json' with { type: 'json' };

export type KindId = 'project-self-evaluation' | 'project-targets' | 'department-targets' | 'department-self-evaluation' | 'monitoring';

export interface VocabularyData {
  version: string;
  source: string;
  kinds: Record<KindId, { name: string; titles: string[]; headers: string[] }>;
  fields: Record<string, string[]>;
  delimiters: string[];
  budgetColumns: Record<string, string[]>;
  budgetRows: Record<string, string[]>;
  indicatorColumns: Record<string, string[]>;
  level1: Record<string, string[]>;
  level2: Record<string, string[]>;
  level2Parent: Record<string, string>;
  noValue: string[];
  placeholders: string[];
  placeholderPrefix: string;
  guidance: string[];
  noise: string[];
}

/** What a label cell is: a field of the form, a budget column or row, an indicator column, a level name, or a delimiter. */
export type LabelMeaning =
  | { type: 'field'; field: string }
  | { type: 'budgetColumn'; concept: string }
  | { type: 'budgetRow'; source: string; label: string }
  | { type: 'indicatorColumn'; concept: string }
  | { type: 'level1'; name: string }
  | { type: 'level2'; name: string }
  | { type: 'delimiter' };

export interface Vocabulary {
  data: VocabularyData;
  /** Every meaning a normalised label has (a word such as 得分 is both a budget and an indicator column). */
  meanings: Map<string, LabelMeaning[]>;
  /** Normalised labels, longest first: the segmenter tries them in this order. */
  labelsLongestFirst: string[];
  noValue: Set<string>;
  placeholder: RegExp[];
  placeholderPrefix: RegExp;
  guidance: RegExp[];
  noise: RegExp[];
  titles: Array<{ kind: KindId; title: string }>;
}

const POINTS = /\(\s*\d+(?:\.\d+)?\s*(?:[-~～—至]\s*\d+(?:\.\d+)?\s*)?分?\s*\)\s*分?|\((?:万元|元|%)\)|\d+(?:\.\d+)?分$|\(\s*[AB](?:\/[AB])?\s*\)/g;
const MAX_LABEL = 60;
const NUMBERING = /^(?:\d+[.、．]|[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十\d]+\))/;

/** A label as compared: NFKC (full-width brackets/colons to ASCII), no spaces, no numbering, no points, no trailing colon. */
export function normLabel(text: string): string {
  // Labels are short; a long text is never one, and the patterns below would be slow on it (runs of digits).
  if (text.length > MAX_LABEL) return text.replace(/\s+/g, '');
  let s = text.normalize('NFKC').replace(/\s+/g, '').replace(/[—–－~～]/g, '-');
  s = s.replace(NUMBERING, '');
  s = s.replace(POINTS, '');
  s = s.replace(/[:：]+$/, '');
  return s;
}

/** The points written in a label: `绩效指标(90分)` → 90, `成本指标(0-20)分` → null (a range is not a weight). */
export function pointsInLabel(text: string): number | null {
  if (text.length > MAX_LABEL) return null;
  const m = /\(\s*(\d+(?:\.\d+)?)\s*分?\s*\)|(\d+(?:\.\d+)?)\s*分\s*$/.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  const v = m?.[1] ?? m?.[2];
  return v === undefined ? null : Number(v);
}

export function buildVocabulary(extension?: Partial<VocabularyData>): Vocabulary {
  const data = mergeData(builtin as unknown as VocabularyData, extension);
  const meanings = new Map<string, LabelMeaning[]>();
  const add = (label: string, m: LabelMeaning) => {
    const key = normLabel(label);
    if (!key) return;
    const list = meanings.get(key) ?? [];
    if (!list.some((x) => JSON.stringify(x) === JSON.stringify(m))) list.push(m);
    meanings.set(key, list);
  };
  for (const [field, words] of Object.entries(data.fields)) for (const w of words) add(w, { type: 'field', field });
  for (const [concept, words] of Object.entries(data.budgetColumns)) for (const w of words) add(w, { type: 'budgetColumn', concept });
  for (const [source, words] of Object.entries(data.budgetRows)) for (const w of words) add(w, { type: 'budgetRow', source, label: w });
  for (const [concept, words] of Object.entries(data.indicatorColumns)) for (const w of words) add(w, { type: 'indicatorColumn', concept });
  for (const [name, words] of Object.entries(data.level1)) for (const w of words) add(w, { type: 'level1', name });
  for (const [name, words] of Object.entries(data.level2)) for (const w of words) add(w, { type: 'level2', name });
  for (const w of data.delimiters) add(w, { type: 'delimiter' });
  const titles: Vocabulary['titles'] = [];
  for (const [kind, k] of Object.entries(data.kinds) as Array<[KindId, VocabularyData['kinds'][KindId]]>) {
    for (const t of k.titles) titles.push({ kind, title: normLabel(t) });
  }
  titles.sort((a, b) => b.title.length - a.title.length);
  return {
    data,
    meanings,
    labelsLongestFirst: [...meanings.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length),
    noValue: new Set(data.noValue),
    placeholder: data.placeholders.map((p) => new RegExp(p)),
    placeholderPrefix: new RegExp(data.placeholderPrefix),
    guidance: data.guidance.map((p) => new RegExp(p)),
    noise: data.noise.map((p) => new RegExp(p)),
    titles,
  };
}

function mergeMap(a: Record<string, string[]>, b?: Record<string, string[]>) {
  for (const [k, words] of Object.entries(b ?? {})) a[k] = [...new Set([...(a[k] ?? []), ...words])];
}

function mergeData(base: VocabularyData, ext?: Partial<VocabularyData>): VocabularyData {
  if (!ext) return base;
  const out: VocabularyData = structuredClone(base);
  mergeMap(out.fields, ext.fields);
  mergeMap(out.budgetColumns, ext.budgetColumns);
  mergeMap(out.budgetRows, ext.budgetRows);
  mergeMap(out.indicatorColumns, ext.indicatorColumns);
  mergeMap(out.level1, ext.level1);
  mergeMap(out.level2, ext.level2);
  for (const [kind, k] of Object.entries(ext.kinds ?? {}) as Array<[KindId, Partial<VocabularyData['kinds'][KindId]>]>) {
    const into = out.kinds[kind];
    if (into) into.titles = [...new Set([...into.titles, ...(k.titles ?? [])])];
  }
  out.level2Parent = { ...out.level2Parent, ...ext.level2Parent };
  for (const key of ['delimiters', 'noValue', 'placeholders', 'guidance', 'noise'] as const) {
    out[key] = [...new Set([...out[key], ...(ext[key] ?? [])])];
  }
  return out;
}

let cached: Vocabulary | undefined;
/** The built-in vocabulary (built once). */
export function defaultVocabulary(): Vocabulary {
  cached ??= buildVocabulary();
  return cached;
}

export function meaningsOf(vocab: Vocabulary, text: string): LabelMeaning[] {
  return vocab.meanings.get(normLabel(text)) ?? [];
}
