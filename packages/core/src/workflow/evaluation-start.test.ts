import { describe, expect, it } from 'vitest';
import { decideEvaluationStart, needsApprovalBeforeEvaluation } from './evaluation-start';

describe('decideEvaluationStart', () => {
  it('refuses monitoring and self-evaluation of targets never approved, naming the state and what to do', () => {
    for (const kind of ['monitoring', 'self-evaluation'] as const) {
      for (const documentKind of ['project-targets', 'department-targets'] as const) {
        const refused = decideEvaluationStart({ kind, documentKind, targetStatus: 'in-review', approvedVersion: null });
        expect(refused.ok).toBe(false);
        if (refused.ok) continue;
        expect(refused.code).toBe('CONFLICT');
        expect(refused.message).toContain('尚未批复（当前为「审核中」）');
        expect(refused.message).toContain(kind === 'monitoring' ? '不能开始运行监控' : '不能开始绩效自评');
        expect(refused.message).toContain('批复后再开始');
      }
    }
  });

  it('allows them once approved, also while an adjustment of the approved version is a draft again', () => {
    expect(decideEvaluationStart({ kind: 'monitoring', documentKind: 'project-targets', targetStatus: 'approved', approvedVersion: 1 })).toEqual({ ok: true });
    expect(decideEvaluationStart({ kind: 'self-evaluation', documentKind: 'department-targets', targetStatus: 'draft', approvedVersion: 2 })).toEqual({ ok: true });
  });

  it('lets a self-evaluation table imported as such start as it stands', () => {
    expect(needsApprovalBeforeEvaluation('project-self-evaluation')).toBe(false);
    expect(decideEvaluationStart({ kind: 'self-evaluation', documentKind: 'project-self-evaluation', targetStatus: 'draft', approvedVersion: null })).toEqual({ ok: true });
    expect(decideEvaluationStart({ kind: 'self-evaluation', documentKind: 'department-self-evaluation', targetStatus: 'draft', approvedVersion: null })).toEqual({ ok: true });
  });
});
