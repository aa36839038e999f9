import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { missingLevel1 } from './missing-level1';
import { runCheck } from './test-helpers';

describe('missing-level1', () => {
  it('finds a project without 满意度 (seed 002: 社区两委干部补贴)', () => {
    const doc = buildDocument({
      projects: [
        buildProject({
          name: '社区两委干部补贴',
          indicators: [
            { name: '工资福利发放率', annual: '100%', levels: '1-产出指标; 11-数量指标' },
            { name: '社区两委干部幸福感', annual: '增强', levels: '1-产出指标; 12-质量指标' },
            { name: '工资福利发放及时率', annual: '100%', levels: '1-产出指标; 13-时效指标' },
            { name: '资金拨付使用率', annual: '100%', levels: '2-效益指标; 22-社会效益' },
          ],
        }),
      ],
    });
    const [f, ...rest] = runCheck(missingLevel1, doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ check: 'missing-level1', severity: 'error', location: { project: '社区两委干部补贴' } });
    expect(f?.message).toContain('满意度指标');
    expect(f?.message).not.toContain('产出指标');
    expect(f?.rule).toBe('cn-target-review@2');
  });

  it('accepts a project with 产出, 效益 and 满意度', () => {
    expect(runCheck(missingLevel1, buildDocument({ projects: [buildProject({ name: '社区居民活动费' })] }))).toEqual([]);
  });

  it('judges the 一级 by its code first: `3-满意度指标; 12-质量指标` still counts as 满意度', () => {
    const doc = buildDocument({
      projects: [
        buildProject({
          name: '街消毒站病媒生物防治专职人员补贴',
          indicators: [
            { name: '补贴发放率', annual: '100%', levels: '1-产出指标; 12-质量指标' },
            { name: '消毒员幸福指数', annual: '优良', levels: '2-效益指标; 22-社会效益' },
            { name: '职工满意度指标', annual: '≥95%', levels: '3-满意度指标; 12-质量指标' },
          ],
        }),
      ],
    });
    expect(runCheck(missingLevel1, doc)).toEqual([]);
  });

  it('does not judge the indicator-less project list of a department document', () => {
    const doc = buildDocument({ kind: 'department-targets', projects: [buildProject({ name: '街道党组织工作经费', indicators: [] })] });
    expect(runCheck(missingLevel1, doc)).toEqual([]);
  });
});
