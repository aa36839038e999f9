import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../testing/builders';
import { compareTargets } from './compare-targets';
import type { PerformanceDocument } from './model';

const before = buildDocument({
  projects: [
    buildProject({ name: '社区活动', amount: 12.5, indicators: [{ name: '举办活动次数', annual: '≥12次' }, { name: '活动覆盖率', annual: '≥90%', levels: '2-效益指标; 22-社会效益' }, { name: '居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' }] }),
    buildProject({ name: '出租屋管理', amount: 30, indicators: [{ name: '出租屋登记率', annual: '100%' }] }),
  ],
});

/** What seed 003 lists: one value adjusted, one indicator deleted, one added, a project's amount cut, a project added. */
function adjusted(): PerformanceDocument {
  const doc = structuredClone(before);
  const [activities, rentals] = doc.units[0]!.projects as [PerformanceDocument['units'][0]['projects'][0], PerformanceDocument['units'][0]['projects'][0]];
  activities.indicators[0]!.annualTarget = { ...activities.indicators[0]!.annualTarget!, text: '≥8次', value: 8 };
  activities.indicators.splice(1, 1);
  activities.indicators.push({ ...activities.indicators[0]!, no: 4, name: '参与人次', annualTarget: { ...activities.indicators[0]!.annualTarget!, text: '≥500人次', value: 500 } });
  rentals.amount = 25;
  doc.units[0]!.projects.push(buildProject({ name: '禁毒宣传', amount: 3 }));
  return doc;
}

describe('compareTargets', () => {
  it('lists each adjusted, deleted and added item with the old and the new text', () => {
    const { changes, counts } = compareTargets(before, adjusted());
    expect(counts).toEqual({ added: 2, removed: 1, changed: 2 });
    expect(changes.map((c) => [c.kind, c.what, c.project, c.name, c.fields.map((f) => `${f.field}:${f.before}→${f.after}`)])).toEqual([
      ['changed', 'indicator', '社区活动', '举办活动次数', ['年度指标值:≥12次→≥8次']],
      ['added', 'indicator', '社区活动', '参与人次', ['一级指标:→产出指标', '二级指标:→数量指标', '年度指标值:→≥500人次']],
      ['removed', 'indicator', '社区活动', '活动覆盖率', ['一级指标:效益指标→', '二级指标:社会效益→', '年度指标值:≥90%→']],
      ['changed', 'project', '出租屋管理', '出租屋管理', ['项目金额（万元）:30.00→25.00']],
      ['added', 'project', '禁毒宣传', '禁毒宣传', ['项目名称:→禁毒宣传', '项目金额（万元）:→3.00', '绩效目标:→禁毒宣传：按计划开展各项工作，提高服务质量。']],
    ]);
  });

  it('finds nothing between a version and a copy of it, and lists a whole removed project once, not indicator by indicator', () => {
    expect(compareTargets(before, structuredClone(before))).toEqual({ changes: [], counts: { added: 0, removed: 0, changed: 0 } });
    const fewer = structuredClone(before);
    fewer.units[0]!.projects.pop();
    expect(compareTargets(before, fewer).changes.map((c) => [c.kind, c.what, c.name])).toEqual([['removed', 'project', '出租屋管理']]);
  });
});
