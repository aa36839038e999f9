/**
 * The recognisers of the general reader, tried on every document the seed readers do not claim. Each looks at the
 * tokens (and the paragraphs' text) and says how sure it is; the best above the threshold reads the document.
 * Department documents and reports have their own recognisers registered here; project tables are the default.
 */
import type { DocumentKind, PerformanceDocument } from '@jixiao/core';
import type { Layout } from '../layout/model';
import type { Token } from './tokens';
import type { KindId, Vocabulary } from './vocabulary';

export interface RecogniseInput {
  layout: Layout;
  tokens: Token[];
  /** Every paragraph and cell text in reading order, one per line: what report readers search by heading. */
  text: string;
  fileName: string;
  vocab: Vocabulary;
  /** The kind the title names, when a title was found. */
  titleKind: KindId | null;
}

export interface Recogniser {
  id: string;
  /** 0 (not this kind) … 1 (certain). */
  score(input: RecogniseInput): number;
  read(input: RecogniseInput): PerformanceDocument;
}

const registered: Recogniser[] = [];

/** Adds a recogniser (modules register themselves at import; see `read-recognised.ts`). */
export function registerRecogniser(r: Recogniser): void {
  if (!registered.some((x) => x.id === r.id)) registered.push(r);
}

export function recognisers(): readonly Recogniser[] {
  return registered;
}

export const KIND_NAMES: Record<DocumentKind, string> = {
  'project-targets': '项目支出绩效目标表',
  'department-targets': '部门（单位）整体支出绩效目标表',
  'project-self-evaluation': '项目支出绩效自评表',
  'department-self-evaluation': '部门整体支出绩效自评',
};
