import { describe, expect, it } from 'vitest';
import { CARRIED_DECISION_TYPES, decisionAppliesTo, decisionsForVersion, type RecordedDecision } from './decisions-across-versions';
import { reviewDocument } from './review';
import { runChecks } from './run-checks';
import { NATIONAL_TARGET_REVIEW } from './builtin-rule-set';
import { buildDocument, buildProject } from '../testing/builders';

const at = '2024-03-01T00:00:00.000Z';
const made = (type: RecordedDecision['type'], version: number, extra: Partial<RecordedDecision> = {}): RecordedDecision => ({ type, version, findingKey: null, reason: null, conclusion: null, by: '张三', at, ...extra });

describe('which recorded decisions apply to a version', () => {
  it('accept and dismiss follow the finding to every version; add and override stay on their own', () => {
    expect(CARRIED_DECISION_TYPES).toEqual(['accept', 'dismiss']);
    for (const type of ['accept', 'dismiss', 'add', 'override'] as const) {
      expect(decisionAppliesTo({ type, version: 1 }, 1)).toBe(true);
      expect(decisionAppliesTo({ type, version: 1 }, 2)).toBe(CARRIED_DECISION_TYPES.includes(type));
    }
  });

  it('gives the review of version 2 the dismissal made on version 1, and not its conclusion override', () => {
    const doc = buildDocument({ projects: [buildProject({ name: '社区活动', indicators: [{ name: '服务质量', annual: '好', levels: '1-产出指标; 12-质量指标' }] })] });
    const findings = runChecks(doc, NATIONAL_TARGET_REVIEW);
    const key = findings[0]!.key;
    const recorded = [made('dismiss', 1, { findingKey: key, reason: '已核实' }), made('override', 1, { conclusion: '优', reason: '复核' }), made('accept', 1)];
    // The accept without a finding key names nothing and is dropped.
    expect(decisionsForVersion(recorded, 2)).toEqual([{ type: 'dismiss', findingKey: key, reason: '已核实', by: '张三', at }]);
    expect(decisionsForVersion(recorded, 1).map((d) => d.type)).toEqual(['dismiss', 'override']);
    const v2 = reviewDocument(doc, findings, NATIONAL_TARGET_REVIEW, decisionsForVersion(recorded, 2));
    expect(v2.findings.find((f) => f.finding.key === key)?.status).toBe('dismissed');
    expect(v2.override ?? null).toBeNull();
  });
});
