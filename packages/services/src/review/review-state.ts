/**
 * What every review use case shares: the review of a stored document's current version, computed on demand — the
 * findings by the core (`runChecks` with the active built-in rule set), the reviewer's stored decisions applied by
 * `reviewDocument` — and its wire shape. Findings are never stored; only the reviewer's word is.
 *
 * Which stored decisions apply: accept / dismiss on any version (finding keys are stable across re-imports, so a
 * dismissal survives a corrected file); added findings and conclusion overrides only on the version they were made
 * on (a new version is a new review round, R9).
 */
import { reviewResultDto, type DocumentReviewDto } from '@jixiao/contract';
import {
  activeReviewRuleSet,
  decisionsForVersion,
  reviewDocument,
  ruleSetRef, ruleSetTitle,
  listIndicatorSites,
  runChecks,
  type Finding,
  type TargetBenchmark,
  type PerformanceDocument,
  type ReviewDecision,
  type ReviewResult,
  type ReviewSettings,
  type RuleSet,
} from '@jixiao/core';
import { AppError } from '../errors';
import { presentDocumentSummary } from '../documents/present';
import type { CatalogQueries, DocumentStore, DocumentSummary, ReviewStore, StoredReviewDecision } from '../ports';

/** What the checks read besides the document: the 指标库's spreads (`target-outlier`). */
export interface FindingsDeps {
  store: { catalog: Pick<CatalogQueries, 'targetBenchmarks'> };
}

export interface ReviewDeps extends FindingsDeps {
  store: FindingsDeps['store'] & { documents: DocumentStore; reviews: ReviewStore };
}

export interface ReviewState {
  summary: DocumentSummary;
  document: PerformanceDocument;
  ruleSet: RuleSet<ReviewSettings>;
  /** The spreads the checks compared the targets with (the browser runs the checks again with them). */
  benchmarks: TargetBenchmark[];
  findings: Finding[];
  stored: StoredReviewDecision[];
  result: ReviewResult;
}

/** The stored decisions that apply to this version (the core's rule: accept/dismiss carry over), oldest first. */
export function applicableDecisions(stored: readonly StoredReviewDecision[], version: number): ReviewDecision[] {
  return decisionsForVersion(stored, version);
}

/** Applies the stored decisions that belong to this version to freshly computed findings. */
export function reviewWith(base: Omit<ReviewState, 'result' | 'stored'>, stored: StoredReviewDecision[]): ReviewState {
  const decisions = applicableDecisions(stored, base.summary.version);
  return { ...base, stored, result: reviewDocument(base.document, base.findings, base.ruleSet, decisions) };
}

/**
 * The checks' findings per document content and rule set (issue 12 item 6): running every check is the slow part of
 * a review (the decisions are applied fresh on each read, so a decision never reads a stale review), and the same
 * version is read again and again while a reviewer works through it. Keyed by the version's sha256, so a new
 * version is a new entry; bounded, the oldest entry leaves first.
 */
const FINDINGS_CACHE_SIZE = 500;
const findingsCache = new Map<string, readonly Finding[]>();
const cacheCounts = { hits: 0, misses: 0 };

/** The checks' findings of a version's content (by its sha256) and the spreads, from the cache when seen before. */
export function findingsOf(sha256: string, document: PerformanceDocument, ruleSet: RuleSet<ReviewSettings>, benchmarks: readonly TargetBenchmark[] = []): Finding[] {
  // The spreads move as other departments' targets are approved: they are part of what the findings depend on.
  const key = `${sha256}\u0000${ruleSetRef(ruleSet)}\u0000${JSON.stringify(benchmarks)}`;
  const cached = findingsCache.get(key);
  if (cached) {
    cacheCounts.hits++;
    // Most recently used last, so the first key is the one to drop.
    findingsCache.delete(key);
    findingsCache.set(key, cached);
    return [...cached];
  }
  cacheCounts.misses++;
  const findings = runChecks(document, ruleSet, undefined, benchmarks);
  findingsCache.set(key, findings);
  if (findingsCache.size > FINDINGS_CACHE_SIZE) findingsCache.delete(findingsCache.keys().next().value!);
  return [...findings];
}

/** How often the findings came from the cache (for tests and the benchmark). */
export function reviewCacheCounts(): Readonly<typeof cacheCounts> {
  return { ...cacheCounts };
}

/** What identifies a stored version for its findings: the document (left out of its own benchmarks), its year, its content. */
export type ReviewedVersion = Pick<DocumentSummary, 'id' | 'year' | 'sha256'>;

/** The spreads of the document's indicator names in the other documents' approved targets, when the rule set asks. */
async function benchmarksFor(deps: FindingsDeps, summary: ReviewedVersion, document: PerformanceDocument, ruleSet: RuleSet<ReviewSettings>): Promise<TargetBenchmark[]> {
  if (!ruleSet.settings.targetOutlier || ruleSet.settings.severities['target-outlier'] === undefined) return [];
  const names = listIndicatorSites(document).map((s) => s.indicator.name);
  const rows = await deps.store.catalog.targetBenchmarks({ names, excludeDocumentId: summary.id });
  const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit));
  return sorted.map((r) => ({ name: r.name, unit: r.unit, count: r.count, departments: r.departments, min: Number(r.min), p25: Number(r.p25), median: Number(r.median), p75: Number(r.p75), max: Number(r.max) }));
}

/** The checks' findings on a stored version with the active built-in rule set of its year: the page's and the opinion's. */
export async function reviewFindings(deps: FindingsDeps, summary: ReviewedVersion, document: PerformanceDocument): Promise<Pick<ReviewState, 'ruleSet' | 'benchmarks' | 'findings'>> {
  const ruleSet = activeReviewRuleSet(summary.year ?? document.year ?? null);
  const benchmarks = await benchmarksFor(deps, summary, document, ruleSet);
  return { ruleSet, benchmarks, findings: findingsOf(summary.sha256, document, ruleSet, benchmarks) };
}

export async function loadReview(deps: ReviewDeps, documentId: number): Promise<ReviewState> {
  const { summary, document } = await deps.store.documents.getDocument(documentId);
  const found = await reviewFindings(deps, summary, document);
  const stored = await deps.store.reviews.listDecisions(documentId);
  return reviewWith({ summary, document, ...found }, stored);
}

export function toReviewDto(state: ReviewState): DocumentReviewDto {
  const { ruleSet } = state;
  const { findings, scores } = reviewResultDto(state.result);
  return {
    document: presentDocumentSummary(state.summary),
    review: { ruleSet: { id: ruleSet.id, version: ruleSet.version, ref: ruleSetRef(ruleSet), name: ruleSet.name, title: ruleSetTitle(ruleSet) }, ...scores },
    findings,
    benchmarks: state.benchmarks,
    decisions: state.stored.map((d) => ({
      id: d.id,
      type: d.type,
      version: d.version,
      findingKey: d.findingKey,
      reason: d.reason,
      conclusion: d.conclusion,
      by: d.by,
      at: d.at,
    })),
  };
}

/** Trims the reviewer's name; an empty one is refused. */
export function reviewerName(by: string): string {
  const name = by.trim();
  if (!name) throw new AppError('BAD_INPUT', '请填写评审人姓名。');
  return name;
}
