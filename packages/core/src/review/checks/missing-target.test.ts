import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { missingAnnualTarget } from './missing-annual-target';
import { missingGoalText } from './missing-goal-text';
import { missingTarget } from './missing-target';
import { tooFewIndicators } from './too-few-indicators';
import { runCheck } from './test-helpers';

describe('missing targets and texts', () => {
  const doc = buildDocument({
    projects: [
      buildProject({
        name: '社区居民活动费',
        indicators: [
          { name: '举办活动次数', annual: '≥48次', period: '≥48次' },
          { name: '社区居民幸福指数', annual: null, period: '提高', levels: '2-效益指标; 22-社会效益' },
          { name: '居民满意度', annual: null, period: null, levels: '3-满意度指标; 31-服务对象满意度' },
        ],
      }),
      buildProject({ name: '办公场地租赁费', goal: null, indicators: [{ name: '办公场地租金缴纳率' }, { name: '群众满意度', levels: '3-满意度指标; 31-服务对象满意度' }] }),
    ],
  });

  it('missing-annual-target: a period value without an annual one (seed 002: 社区居民活动费, 4th indicator)', () => {
    const found = runCheck(missingAnnualTarget, doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ location: { project: '社区居民活动费', indicator: 2 }, evidence: expect.stringContaining('提高') });
  });

  it('missing-target: neither value', () => {
    expect(runCheck(missingTarget, doc).map((f) => f.location.indicatorName)).toEqual(['居民满意度']);
  });

  it('missing-goal-text: a project without 绩效目标 (seed 002: 办公场地租赁费)', () => {
    expect(runCheck(missingGoalText, doc).map((f) => f.location.project)).toEqual(['办公场地租赁费']);
  });

  it('too-few-indicators: fewer than three', () => {
    const found = runCheck(tooFewIndicators, doc);
    expect(found.map((f) => f.location.project)).toEqual(['办公场地租赁费']);
    expect(found[0]?.severity).toBe('warning');
  });
});
