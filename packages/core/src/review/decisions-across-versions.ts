/**
 * Which of a reviewer's recorded decisions apply to a version of the document (decision 007): accept and dismiss
 * follow their finding, by its key, to every version (a re-imported or edited document keeps them while the finding
 * is still there); an added finding or a conclusion override belongs to the version it was made on. The server's
 * review and the review page's live recompute of an edited copy both read it here.
 */
import type { ReviewDecision } from './review';
import type { Finding } from './types';

/** A decision as recorded: the version the reviewer was looking at and the parts its type uses. */
export interface RecordedDecision {
  type: ReviewDecision['type'];
  version: number;
  findingKey: string | null;
  reason: string | null;
  /** The added finding (`add`); absent where the record does not carry it. */
  finding?: Finding | null;
  conclusion: string | null;
  by: string;
  at: string;
}

/** The decision types that carry over to later versions. */
export const CARRIED_DECISION_TYPES: readonly ReviewDecision['type'][] = ['accept', 'dismiss'];

/** Whether a decision recorded on `decision.version` applies to `version`. */
export function decisionAppliesTo(decision: Pick<RecordedDecision, 'type' | 'version'>, version: number): boolean {
  return CARRIED_DECISION_TYPES.includes(decision.type) || decision.version === version;
}

function toReviewDecision(d: RecordedDecision): ReviewDecision | undefined {
  const { by, at } = d;
  switch (d.type) {
    case 'accept':
      return d.findingKey ? { type: 'accept', findingKey: d.findingKey, by, at } : undefined;
    case 'dismiss':
      return d.findingKey ? { type: 'dismiss', findingKey: d.findingKey, reason: d.reason ?? '', by, at } : undefined;
    case 'add':
      return d.finding ? { type: 'add', finding: d.finding, by, at } : undefined;
    case 'override':
      return d.conclusion ? { type: 'override', conclusion: d.conclusion, reason: d.reason ?? '', by, at } : undefined;
  }
}

/** The recorded decisions that apply to `version`, as the review's decisions, oldest first. */
export function decisionsForVersion(recorded: readonly RecordedDecision[], version: number): ReviewDecision[] {
  return recorded
    .filter((d) => decisionAppliesTo(d, version))
    .map(toReviewDecision)
    .filter((d): d is ReviewDecision => d !== undefined);
}
