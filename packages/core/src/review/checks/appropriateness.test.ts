import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { lowSatisfactionTarget } from './low-satisfaction-target';
import { misfiledIndicator } from './misfiled-indicator';
import { processAsOutcome } from './process-as-outcome';
import { runCheck } from './test-helpers';

const doc = (indicators: Parameters<typeof buildProject>[0]['indicators']) => buildDocument({ projects: [buildProject({ name: '测试项目', indicators })] });

describe('low-satisfaction-target', () => {
  it('finds ≥60% (seed 002: 妇女满意度)', () => {
    const found = runCheck(lowSatisfactionTarget, doc([{ name: '妇女满意度', annual: '≥60%', levels: '3-满意度指标; 31-服务对象满意度' }, { name: '服务青少年满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' }]));
    expect(found.map((f) => f.location.indicatorName)).toEqual(['妇女满意度']);
  });
});

describe('process-as-outcome', () => {
  it('finds 资金拨付使用率 filed as 社会效益 (seed 002)', () => {
    const found = runCheck(processAsOutcome, doc([{ name: '资金拨付使用率', levels: '2-效益指标; 22-社会效益' }, { name: '补贴发放率', levels: '1-产出指标; 12-质量指标' }]));
    expect(found.map((f) => f.location.indicatorName)).toEqual(['资金拨付使用率']);
  });
  it('leaves a real outcome alone', () => {
    expect(runCheck(processAsOutcome, doc([{ name: '禁毒宣传覆盖率', levels: '2-效益指标; 22-社会效益' }]))).toEqual([]);
  });
});

describe('misfiled-indicator', () => {
  it('finds 租金支付及时率 under 经济效益 (seed 002)', () => {
    const [f] = runCheck(misfiledIndicator, doc([{ name: '租金支付及时率', levels: '2-效益指标; 21-经济效益' }]));
    expect(f?.suggestion).toContain('13-时效指标');
  });
  it('does not report again what level-mismatch reports', () => {
    expect(runCheck(misfiledIndicator, doc([{ name: '群众满意度', annual: '≥80%', levels: '2-效益指标; 31-服务对象满意度' }]))).toEqual([]);
  });
  it('accepts 及时率 under 时效', () => {
    expect(runCheck(misfiledIndicator, doc([{ name: '补贴发放及时率', levels: '1-产出指标; 13-时效指标' }]))).toEqual([]);
  });
});
