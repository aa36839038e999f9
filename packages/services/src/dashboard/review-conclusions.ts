/**
 * 数据看板, review conclusions and the checks that fire most: the review of each target document of the year, as the
 * review page computes it (`reviewFindings`: the core's checks with the 指标库's spreads, cached, with the reviewer's decisions of
 * that version applied) — bounded: the `REVIEWED_AT_MOST` most recently changed documents, the page saying how many
 * of how many. Two reads of the store: the documents with their content, and every decision on them.
 */
import type { CheckRowDto, ConclusionRowDto } from '@jixiao/contract/dashboard';
import { CHECK_LABELS, checkFrequencies, conclusionCounts, CONCLUSIONS, countsByDepartment, reviewDocument, type CheckId } from '@jixiao/core';
import type { StoredReviewDecision } from '../ports';
import { applicableDecisions, reviewFindings, type FindingsDeps } from '../review/review-state';
import type { DashboardFilter, DashboardQueries } from './ports';

/** Running every check is the slow part (≈ tens of ms a document); beyond this many the chart says it is a sample. */
export const REVIEWED_AT_MOST = 200;
/** How many checks the chart ranks. */
export const TOP_CHECKS = 10;

const noLinks = { departmentId: null, projectId: null, documentId: null, evaluationId: null };

/** A check by its Chinese name; a finding a reviewer added by hand has no check of the catalogue. */
export const checkName = (checkId: string): string => CHECK_LABELS[checkId as CheckId] ?? '评审人补充的问题';

export async function reviewConclusions(
  deps: FindingsDeps & { store: { dashboard: DashboardQueries } },
  filter: DashboardFilter,
  year: number,
): Promise<{ conclusions: { rows: ConclusionRowDto[]; reviewed: number; of: number }; checks: CheckRowDto[] }> {
  const { items, total } = await deps.store.dashboard.dashboardDocuments({ ...filter, years: [year], kinds: ['project-targets', 'department-targets'], limit: REVIEWED_AT_MOST });
  const decisions = new Map<number, StoredReviewDecision[]>();
  for (const d of await deps.store.dashboard.reviewDecisionsOf(items.map((i) => i.id))) decisions.set(d.documentId, [...(decisions.get(d.documentId) ?? []), d]);

  const reviews = [];
  for (const doc of items) {
    // The same findings as the review page: the active rule set of the year and the 指标库's spreads (decision 037).
    const { ruleSet, findings } = await reviewFindings(deps, doc, doc.document);
    const result = reviewDocument(doc.document, findings, ruleSet, applicableDecisions(decisions.get(doc.id) ?? [], doc.version));
    // What still stands against the document: dismissed findings are the reviewer's "not a problem".
    const checkIds = result.findings.filter((f) => f.status !== 'dismissed').map((f) => f.finding.check);
    reviews.push({ doc, conclusion: result.conclusion, total: result.total, checkIds });
  }

  const rows: ConclusionRowDto[] =
    filter.departmentId === undefined
      ? countsByDepartment(
          CONCLUSIONS,
          reviews.map((r) => ({ departmentId: r.doc.departmentId, department: r.doc.department, counts: conclusionCounts(r.conclusion) })),
        ).map((d) => ({ ...noLinks, key: `d-${d.departmentId}`, label: d.department, departmentId: d.departmentId, ...d.counts, total: null }))
      : reviews.map((r) => ({ ...noLinks, key: `doc-${r.doc.id}`, label: r.doc.title, departmentId: r.doc.departmentId, documentId: r.doc.id, 优: 0, 良: 0, 中: 0, 差: 0, ...conclusionCounts(r.conclusion), total: r.total }));

  const checks = checkFrequencies(
    reviews.map((r) => ({ departmentId: r.doc.departmentId, checkIds: r.checkIds })),
    TOP_CHECKS,
  ).map((c) => ({ ...c, name: checkName(c.checkId) }));
  return { conclusions: { rows, reviewed: items.length, of: total }, checks };
}
