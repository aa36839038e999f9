/**
 * The general reader's entry: a Layout (from a PDF, a .docx, any .xlsx, a converted legacy file or extracted text)
 * → tokens → the recogniser that fits best → the document. A document whose kind is recognised but that yields no
 * project, no indicator and no figure is refused, not returned as an empty success.
 */
import './department-documents';
import { countIndicators, listProjects, type PerformanceDocument } from '@jixiao/core';
import { readError, type ReadError } from '../errors';
import type { Layout } from '../layout/model';
import { readProjectTables } from './project-reader';
import { KIND_NAMES, recognisers, registerRecogniser, type RecogniseInput } from './recognisers';
import { tablesToDocument } from './to-document';
import { layoutToTokens } from './tokens';
import { defaultVocabulary, type KindId, type Vocabulary } from './vocabulary';

export type RecognisedResult = { ok: true; document: PerformanceDocument } | { ok: false; error: ReadError };

const THRESHOLD = 0.3;

registerRecogniser({
  id: 'project-tables',
  score(input) {
    if (input.titleKind === 'department-targets' || input.titleKind === 'department-self-evaluation') return 0.2;
    const t = input.text;
    let s = 0;
    if (input.titleKind) s += 0.5;
    if (/一级指标/.test(t) && /二级指标/.test(t)) s += 0.3;
    if (/项目名称/.test(t)) s += 0.2;
    if (/(指标值|指标目标值|实现值|完成值)/.test(t)) s += 0.1;
    return Math.min(1, s);
  },
  read(input) {
    const read = readProjectTables(input.tokens, input.vocab, input.fileName);
    const kind = projectKind(read.titleKind, read.headerConcepts);
    const doc = tablesToDocument(read, kind, input.fileName, `layout/${input.layout.source}/project-tables`);
    if (read.titleKind === 'monitoring') {
      doc.problems.push({ severity: 'info', code: 'monitoring-read-as-targets', message: '这是绩效运行监控表：已读取其中的项目、绩效目标和指标；执行数和完成值请在系统的“绩效运行监控”中填报', location: { file: input.fileName } });
    }
    return doc;
  },
});

function projectKind(title: KindId | null, concepts: Set<string>): 'project-targets' | 'project-self-evaluation' {
  if (title === 'project-self-evaluation') return 'project-self-evaluation';
  if (title === 'project-targets' || title === 'monitoring') return 'project-targets';
  return concepts.has('actual') || concepts.has('score') || concepts.has('budget:spent') ? 'project-self-evaluation' : 'project-targets';
}

export function readRecognisedLayout(layout: Layout, fileName: string, vocab: Vocabulary = defaultVocabulary()): RecognisedResult {
  const tokens = layoutToTokens(layout, vocab);
  const text = tokens.map((t) => t.text).filter((x) => x !== '').join('\n');
  if (text.trim() === '') return { ok: false, error: readError('empty', fileName, '文件中没有可读取的文字', 'no text in the file') };
  const titleKind = findTitleKind(tokens, vocab);
  const input: RecogniseInput = { layout, tokens, text, fileName, vocab, titleKind };
  const ranked = recognisers()
    .map((r) => ({ r, s: r.score(input) }))
    .filter((x) => x.s >= THRESHOLD)
    .sort((a, b) => b.s - a.s);
  if (ranked.length === 0) {
    return {
      ok: false,
      error: readError(
        'unknown-layout',
        fileName,
        '无法识别文件版式：没有找到绩效目标表、自评表或自评报告的标题和表头（如“项目名称”“一级指标”“二级指标”“指标值”）。请确认文件是预算绩效的表格或报告',
        'unknown layout: no title or header words of a known performance form were found',
      ),
    };
  }
  for (const { r } of ranked) {
    const doc = r.read(input);
    if (hasSomething(doc)) return { ok: true, document: doc };
  }
  const kind = titleKind ? (KIND_NAMES as Record<string, string>)[titleKind === 'monitoring' ? 'project-targets' : titleKind] ?? '绩效表' : '绩效表';
  return {
    ok: false,
    error: readError(
      'nothing-read',
      fileName,
      `看起来是「${kind}」，但没有读到任何项目、指标或金额：请检查文件是否完整（是否只有标题或空白表样），或另存为 .docx/.xlsx 后重试`,
      'the kind was recognised but no project, indicator or figure could be read',
    ),
  };
}

function findTitleKind(tokens: RecogniseInput['tokens'], vocab: Vocabulary): KindId | null {
  for (const t of tokens.slice(0, 400)) {
    if (t.norm.length < 5 || t.norm.length > 80) continue;
    for (const { kind, title } of vocab.titles) if (t.norm.includes(title)) return kind;
  }
  return null;
}

function hasSomething(doc: PerformanceDocument): boolean {
  const projects = listProjects(doc);
  if (countIndicators(doc) > 0) return true;
  if (projects.some(({ project }) => project.amount !== null || project.budget?.bySource.some((r) => r.adjusted !== null || r.spent !== null || r.initial !== null))) return true;
  if ((doc.keyTasks?.length ?? 0) > 0 || doc.statedScore != null || doc.budget != null) return true;
  if (doc.profile && Object.values(doc.profile).some((v) => v !== null && v !== undefined)) return true;
  // A report's cover alone (a named unit and its year) is a document: the rest of the report may be cut.
  if (doc.department && doc.year != null && (doc.source?.layout ?? '').endsWith('report')) return true;
  return projects.some(({ project }) => project.name !== '' && (project.goal !== null || project.indicators.length > 0));
}
