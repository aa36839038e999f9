/**
 * The review of a document (R9, review-checks.md): a score per dimension from the findings that stand after the
 * reviewer's decisions, a total, a conclusion 优/良/中/差 — and the reviewer's own word: accept or dismiss a finding
 * (with a reason), add one, or override the conclusion (with a reason). Pure: decisions come in as data.
 */
import type { PerformanceDocument } from '../document/model';
import { roundHalfUp } from '../money/amount';
import { gradeFor } from '../rules/grades';
import { ruleSetRef, ruleSetTitle, type RuleSet } from '../rules/rule-set';
import { judgedTarget } from './facts';
import { listIndicatorSites } from './context';
import type { ReviewSettings } from './settings';
import { DIMENSION_LABELS, type CheckId, type Finding, type ScoredDimension, type Severity } from './types';

export type ReviewDecision =
  | { type: 'accept'; findingKey: string; by: string; at: string }
  | { type: 'dismiss'; findingKey: string; reason: string; by: string; at: string }
  | { type: 'add'; finding: Finding; by: string; at: string }
  | { type: 'override'; conclusion: string; reason: string; by: string; at: string };

export interface FindingStatus {
  finding: Finding;
  status: 'open' | 'accepted' | 'dismissed' | 'added';
  reason?: string;
  by?: string;
  at?: string;
}

export interface DimensionScore {
  dimension: ScoredDimension;
  label: string;
  max: number;
  score: number;
  deductions: Array<{ check: CheckId; findings: number; points: number }>;
}

export interface ReviewResult {
  /** `id@version` of the rule set that scored it. */
  rule: string;
  /** The rule set in words, with its 文号 (`ruleSetTitle`): what documents and pages show. */
  ruleTitle: string;
  dimensions: DimensionScore[];
  total: number;
  /** What the scores give. */
  computedConclusion: string;
  /** The final word: the computed one, or the reviewer's override. */
  conclusion: string;
  override: { conclusion: string; reason: string; by: string; at: string } | null;
  quantified: { quantitative: number; indicators: number; share: number | null };
  counts: Record<Severity, number>;
  /** Every finding with the reviewer's decision on it. */
  findings: FindingStatus[];
}

const SCORED: ScoredDimension[] = ['completeness', 'relevance', 'appropriateness', 'feasibility'];

/** Applies the reviewer's decisions to the automated findings; the last decision on a finding counts. */
export function applyDecisions(findings: readonly Finding[], decisions: readonly ReviewDecision[]): FindingStatus[] {
  const byKey = new Map<string, FindingStatus>(findings.map((f) => [f.key, { finding: f, status: 'open' }]));
  for (const d of decisions) {
    if (d.type === 'add') byKey.set(d.finding.key, { finding: d.finding, status: 'added', by: d.by, at: d.at });
    else if (d.type === 'accept' || d.type === 'dismiss') {
      const current = byKey.get(d.findingKey);
      if (!current) continue;
      byKey.set(d.findingKey, {
        finding: current.finding,
        status: d.type === 'accept' ? 'accepted' : 'dismissed',
        by: d.by,
        at: d.at,
        ...(d.type === 'dismiss' ? { reason: d.reason } : {}),
      });
    }
  }
  return [...byKey.values()];
}

/** Scores the findings that stand (not dismissed) and concludes. */
export function reviewDocument(
  doc: PerformanceDocument,
  findings: readonly Finding[],
  ruleSet: RuleSet<ReviewSettings>,
  decisions: readonly ReviewDecision[] = [],
): ReviewResult {
  const s = ruleSet.settings;
  const statuses = applyDecisions(findings, decisions);
  const standing = statuses.filter((f) => f.status !== 'dismissed').map((f) => f.finding);

  const dimensions: DimensionScore[] = SCORED.map((dimension) => {
    const perCheck = new Map<CheckId, { findings: number; points: number }>();
    for (const f of standing) {
      if (s.dimensionScoring[f.dimension] !== dimension) continue;
      const entry = perCheck.get(f.check) ?? { findings: 0, points: 0 };
      entry.findings += 1;
      entry.points = Math.min(s.maxDeductionPerCheck, entry.points + s.deductions[f.severity]);
      perCheck.set(f.check, entry);
    }
    const deductions = [...perCheck.entries()].map(([check, v]) => ({ check, ...v })).filter((d) => d.points > 0);
    const lost = deductions.reduce((acc, d) => acc + d.points, 0);
    return { dimension, label: DIMENSION_LABELS[dimension], max: s.pointsPerDimension, score: Math.max(0, s.pointsPerDimension - lost), deductions };
  });
  const total = roundHalfUp(dimensions.reduce((acc, d) => acc + d.score, 0), 2);
  const computedConclusion = gradeFor(total, s.grades);
  const lastOverride = [...decisions].reverse().find((d): d is Extract<ReviewDecision, { type: 'override' }> => d.type === 'override');
  const override = lastOverride ? { conclusion: lastOverride.conclusion, reason: lastOverride.reason, by: lastOverride.by, at: lastOverride.at } : null;

  const sites = listIndicatorSites(doc);
  const quantitative = sites.filter((site) => judgedTarget(site.indicator)?.kind === 'quantitative').length;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of standing) counts[f.severity] += 1;

  return {
    rule: ruleSetRef(ruleSet),
    ruleTitle: ruleSetTitle(ruleSet),
    dimensions,
    total,
    computedConclusion,
    conclusion: override?.conclusion ?? computedConclusion,
    override,
    quantified: { quantitative, indicators: sites.length, share: sites.length ? roundHalfUp((quantitative / sites.length) * 100, 2) : null },
    counts,
    findings: statuses,
  };
}

