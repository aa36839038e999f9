/**
 * What every self-evaluation use case shares (issue 4): the stored evaluation, its frozen target version, the
 * entries laid over it (`applyEntries`), the rule set that applies (named, else activated for the department's
 * region and the year, else built-in — decision 003), the score computed now, and the 自评报告 draft with the unit's
 * edits. The targets are read from the version the evaluation was started on and are never written here.
 */
import { ruleSetSchema, selfEvaluationEntriesSchema, selfEvaluationReportEditsSchema, type KeptScoreDto, type SelfEvaluationDto, type SelfEvaluationReportEdits, type SelfEvaluationSummaryDto } from '@jixiao/contract';
import {
  applyEntries,
  draftProjectSelfEvaluationReport,
  draftSelfEvaluationReport,
  EMPTY_ENTRIES,
  ruleSetRef, ruleSetTitle,
  schemeOfEvaluation,
  scopeOf,
  scoredTasks,
  scoreSelfEvaluation,
  type Finding,
  type PerformanceDocument,
  type RuleSet,
  type SelfEvaluationEntries,
  type SelfEvaluationReportDraft,
  type SelfEvaluationScore,
} from '@jixiao/core';
import { AppError } from '../errors';
import type { CatalogQueries, DocumentStore, EvaluationStore, ReviewStore, StoredEvaluation, StoredEvaluationScore } from '../ports';
import { loadReview } from '../review/review-state';
import { resolveRuleSet, type RuleSetStore } from '../rule-sets/rule-sets';

export interface SelfEvaluationDeps {
  store: { documents: DocumentStore; evaluations: EvaluationStore; ruleSets: RuleSetStore; reviews: ReviewStore; catalog: Pick<CatalogQueries, 'targetBenchmarks'> };
}

export interface SelfEvaluationState {
  evaluation: StoredEvaluation;
  /** The frozen targets. */
  target: PerformanceDocument;
  title: string;
  entries: SelfEvaluationEntries;
  /** The targets with the entries applied: what is scored, drafted and printed. */
  document: PerformanceDocument;
  ruleSet: RuleSet<unknown>;
  score: SelfEvaluationScore;
  edits: SelfEvaluationReportEdits;
}

/** Stored entries, read through the contract (a row written by an older version still parses or is reported). */
export function entriesOf(evaluation: StoredEvaluation): SelfEvaluationEntries {
  const raw = evaluation.entries;
  if (raw == null || (typeof raw === 'object' && Object.keys(raw).length === 0)) return EMPTY_ENTRIES;
  const parsed = selfEvaluationEntriesSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_INPUT', `自评 ${evaluation.id} 保存的填报内容格式有误，无法读取：${parsed.error.issues[0]?.message ?? ''}`, { evaluationId: evaluation.id });
  return parsed.data as SelfEvaluationEntries;
}

export function editsOf(evaluation: StoredEvaluation): SelfEvaluationReportEdits {
  const parsed = selfEvaluationReportEditsSchema.safeParse(evaluation.report);
  return parsed.success ? parsed.data : { sections: {} };
}

/** The self-evaluation rule set for a document: `ref` when named, else the one active for its department and year. */
export function ruleSetFor(deps: SelfEvaluationDeps, target: PerformanceDocument, period: string, ref?: string): Promise<RuleSet<unknown>> {
  const region = target.department ?? target.units[0]?.name ?? '全国';
  return resolveRuleSet(deps, { scheme: schemeOfEvaluation(target), ...(ref ? { ref } : {}), region, year: Number(period), document: target });
}

export function assertSelfEvaluation(evaluation: StoredEvaluation): void {
  if (evaluation.kind !== 'self-evaluation') throw new AppError('NOT_FOUND', `编号 ${evaluation.id} 是运行监控记录，不是绩效自评。`, { evaluationId: evaluation.id });
}

export async function loadSelfEvaluation(deps: SelfEvaluationDeps, id: number, ref?: string): Promise<SelfEvaluationState> {
  const evaluation = await deps.store.evaluations.getEvaluation(id);
  assertSelfEvaluation(evaluation);
  const { summary, document: target } = await deps.store.documents.getDocument(evaluation.documentId, evaluation.targetVersion);
  const entries = entriesOf(evaluation);
  // The year of a document that does not state one is the evaluation's (seed 002 was filed under 2024).
  const document = { ...applyEntries(target, entries), year: target.year ?? Number(evaluation.period) };
  const ruleSet = await ruleSetFor(deps, target, evaluation.period, ref);
  const score = scoreSelfEvaluation(document, entries.goal, ruleSet);
  return { evaluation, target, title: summary.title, entries, document, ruleSet, score, edits: editsOf(evaluation) };
}

/** Review findings on the targets that nobody dismissed: they are drafted as a problem still open. */
async function openFindings(deps: SelfEvaluationDeps, documentId: number): Promise<Finding[]> {
  const review = await loadReview(deps, documentId);
  return review.result.findings.filter((f) => f.status !== 'dismissed').map((f) => f.finding);
}

export async function draftOf(deps: SelfEvaluationDeps, state: SelfEvaluationState): Promise<SelfEvaluationReportDraft> {
  const findings = await openFindings(deps, state.evaluation.documentId);
  if (state.score.scope === 'project') {
    return draftProjectSelfEvaluationReport({ document: state.document, projects: state.score.projects, rule: state.score.rule, ruleTitle: state.score.ruleTitle, openFindings: findings });
  }
  // The draft reads tasks by position beside their scores: give it the tasks that were scored.
  const document = { ...state.document, keyTasks: scoredTasks(state.document) };
  return draftSelfEvaluationReport({ document, score: state.score.department, openFindings: findings });
}

/** The draft with the unit's edits: an edited section replaces the drafted paragraphs, the others stay drafted. */
export function editedDraft(draft: SelfEvaluationReportDraft, edits: SelfEvaluationReportEdits): SelfEvaluationReportDraft {
  return {
    ...draft,
    sections: draft.sections.map((s) => {
      const text = edits.sections[s.heading];
      return text === undefined ? s : { ...s, paragraphs: text.split(/\n+/).map((p) => p.trim()).filter(Boolean) };
    }),
  };
}

export function keptScoreDto(s: StoredEvaluationScore): KeptScoreDto {
  return { id: s.id, evaluationRevision: s.evaluationRevision, ruleSet: `${s.ruleSet.id}@${s.ruleSet.version}`, total: s.total, grade: s.grade, scoredBy: s.scoredBy, scoredAt: s.scoredAt };
}

export function summaryDto(evaluation: StoredEvaluation, title: string, target: Pick<PerformanceDocument, 'kind' | 'department'>): SelfEvaluationSummaryDto {
  return {
    id: evaluation.id,
    documentId: evaluation.documentId,
    targetVersion: evaluation.targetVersion,
    period: evaluation.period,
    status: evaluation.status,
    revision: evaluation.revision,
    title,
    department: target.department,
    scope: scopeOf(target),
    updatedBy: evaluation.updatedBy,
    updatedAt: evaluation.updatedAt,
  };
}

export async function toSelfEvaluationDto(deps: SelfEvaluationDeps, state: SelfEvaluationState): Promise<SelfEvaluationDto> {
  const draft = await draftOf(deps, state);
  const kept = await deps.store.evaluations.listScores(state.evaluation.id);
  return {
    ...summaryDto(state.evaluation, state.title, state.target),
    createdBy: state.evaluation.createdBy,
    target: state.target as SelfEvaluationDto['target'],
    entries: state.entries as SelfEvaluationDto['entries'],
    // Parsed, not cast: the contract's rule-set schema comes from the same settings table the rule set was validated by.
    ruleSet: { ref: ruleSetRef(state.ruleSet), name: state.ruleSet.name, title: ruleSetTitle(state.ruleSet), value: ruleSetSchema.parse(structuredClone(state.ruleSet)) },
    score: state.score,
    report: {
      title: draft.title,
      sections: draft.sections.map((s) => {
        const drafted = s.paragraphs.join('\n');
        const edited = state.edits.sections[s.heading];
        return { heading: s.heading, drafted, text: edited ?? drafted, edited: edited !== undefined };
      }),
      problems: draft.problems.map((p) => ({ kind: p.kind, text: p.text, measure: p.measure, source: p.source })),
    },
    scores: kept.map(keptScoreDto),
  };
}
