import { describe, expect, it } from 'vitest';
import { evaluationStartRefusal } from './evaluation-start';

describe('evaluationStartRefusal', () => {
  it('answers the core’s refusal for targets never approved, and null once approved or for an imported self-evaluation', () => {
    expect(evaluationStartRefusal({ kind: 'project-targets', targetStatus: 'submitted', approvedVersion: null }, 'monitoring')).toContain('尚未批复（当前为「已提交」），不能开始运行监控');
    expect(evaluationStartRefusal({ kind: 'project-targets', targetStatus: 'approved', approvedVersion: 1 }, 'self-evaluation')).toBeNull();
    expect(evaluationStartRefusal({ kind: 'department-self-evaluation', targetStatus: null, approvedVersion: null }, 'self-evaluation')).toBeNull();
  });
});
