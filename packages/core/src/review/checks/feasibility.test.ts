import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { annualPeriodDiffer } from './annual-period-differ';
import { qualitativeTarget } from './qualitative-target';
import { rateOver100 } from './rate-over-100';
import { unitMismatch } from './unit-mismatch';
import { unparseableTarget } from './unparseable-target';
import { runCheck } from './test-helpers';

const doc = (indicators: Parameters<typeof buildProject>[0]['indicators']) => buildDocument({ projects: [buildProject({ name: '测试项目', indicators })] });

describe('qualitative-target', () => {
  it('suggests a measurable form that fits the words used', () => {
    const found = runCheck(
      qualitativeTarget,
      doc([
        { name: '居委会办公场地环境', annual: '提升' },
        { name: '环卫保洁质量', annual: '优良' },
        { name: '编外人员工资支付及时性', annual: '及时' },
        { name: '举办活动次数', annual: '≥48次' },
      ]),
    );
    expect(found.map((f) => f.evidence)).toEqual(['指标值「提升」', '指标值「优良」', '指标值「及时」']);
    expect(found[0]?.suggestion).toContain('基线');
    expect(found[1]?.suggestion).toContain('达标线');
    expect(found[2]?.suggestion).toContain('工作日');
  });
});

describe('unparseable-target', () => {
  it('reports a number it cannot read', () => {
    expect(runCheck(unparseableTarget, doc([{ name: '维修完成率', annual: '80%-90%' }]))).toHaveLength(1);
    expect(runCheck(unparseableTarget, doc([{ name: '维修完成率', annual: '≥80%' }]))).toEqual([]);
  });
});

describe('unit-mismatch', () => {
  it('finds a count written as words (seed 002: 员工数 = 按照区核定编外人员数量)', () => {
    const [f] = runCheck(unitMismatch, doc([{ name: '员工数', annual: '按照区核定编外人员数量' }]));
    expect(f?.message).toContain('是数量');
  });
  it('finds a rate written as a count', () => {
    expect(runCheck(unitMismatch, doc([{ name: '项目完成率', annual: '12个' }]))).toHaveLength(1);
  });
  it('accepts rates in % and counts with units', () => {
    expect(runCheck(unitMismatch, doc([{ name: '补贴发放率', annual: '100%' }, { name: '保洁人员人数', annual: '70人' }, { name: '举办征兵宣传活动(次数)', annual: '≥2次' }]))).toEqual([]);
  });
});

describe('rate-over-100', () => {
  it('finds 1010% (seed 002, full table)', () => {
    const [f] = runCheck(rateOver100, doc([{ name: '工程验收合格率', annual: '1010%', period: '100%' }]));
    expect(f).toMatchObject({ severity: 'error', location: { field: '年度指标值' } });
  });
  it('leaves a count above 100 alone', () => {
    expect(runCheck(rateOver100, doc([{ name: '一报两刊征订份数', annual: '115' }]))).toEqual([]);
  });
});

describe('annual-period-differ', () => {
  it('finds 100% vs 80% (seed 002: 街道综合工作经费)', () => {
    const [f] = runCheck(annualPeriodDiffer, doc([{ name: '工程验收合格率', period: '100%', annual: '80%' }]));
    expect(f?.evidence).toBe('年度「80%」；实施周期「100%」');
  });
  it('treats the same target written with different spacing as equal', () => {
    expect(runCheck(annualPeriodDiffer, doc([{ name: '物业管理服务响应时长', period: ' ≦2个小时', annual: '≦2个小时' }]))).toEqual([]);
  });
});
