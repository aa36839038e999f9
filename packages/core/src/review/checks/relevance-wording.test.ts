import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../testing/builders';
import { duplicateIndicatorSet } from './duplicate-indicator-set';
import { goalTextDuplicated } from './goal-text-duplicated';
import { indicatorUnrelated } from './indicator-unrelated';
import { findRepeat, repeatedPhrase } from './repeated-phrase';
import { suspectWording } from './suspect-wording';
import { runCheck } from './test-helpers';

const SHARED = '根据《关于建立城市基层党建工作经费保障机制的实施意见》（穗组字〔2018〕37号）文件要求，完善网格党支部和党员责任区建设，构建“令行禁止、有呼必应”基层党建工作格局。';

describe('goal-text-duplicated', () => {
  it('finds projects sharing one description (seed 000: projects 4–8)', () => {
    const doc = buildDocument({
      kind: 'department-targets',
      projects: ['社区办公经费', '社区办公经费(荔湾区)', '社区党员活动经费(荔湾区)'].map((name) => buildProject({ name, description: SHARED, indicators: [] })).concat(buildProject({ name: '区级就业补助资金', description: '推动基层社区就业工作发展，将就业服务延伸至社区基层一线。', indicators: [] })),
    });
    const found = runCheck(goalTextDuplicated, doc);
    expect(found.map((f) => f.location.project)).toEqual(['社区办公经费', '社区办公经费(荔湾区)', '社区党员活动经费(荔湾区)']);
    expect(found[0]?.message).toContain('另外 2 个项目完全相同（「社区办公经费(荔湾区)」、「社区党员活动经费(荔湾区)」）');
    // Each names the others, never itself among them.
    for (const f of found) expect(f.message.split('完全相同')[1]).not.toContain(`「${f.location.project}」`);
  });
});

describe('duplicate-indicator-set', () => {
  it('finds a copied indicator list', () => {
    const doc = buildDocument({ projects: [buildProject({ name: '甲项目' }), buildProject({ name: '乙项目' })] });
    const found = runCheck(duplicateIndicatorSet, doc);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('甲项目');
  });
});

describe('indicator-unrelated', () => {
  it('is info only and quiet when indicators echo the project', () => {
    const related = buildDocument({ projects: [buildProject({ name: '环卫保洁类经费', goal: '保持辖区内按每日保洁时长16小时标准保洁。', indicators: [{ name: '保洁人员人数', annual: '70人' }] })] });
    expect(runCheck(indicatorUnrelated, related)).toEqual([]);
    const unrelated = buildDocument({ projects: [buildProject({ name: '环卫保洁类经费', goal: '保持辖区内按每日保洁时长16小时标准保洁。', indicators: [{ name: '征兵任务完成率', annual: '100%' }] })] });
    expect(runCheck(indicatorUnrelated, unrelated)[0]?.severity).toBe('info');
  });
});

describe('repeated-phrase', () => {
  it('finds the doubled phrase of seed 002 (社区两委干部补贴)', () => {
    const goal = '进一步加强社区两委干部队伍建设的稳定性,增强社区两委干部队伍建设的稳定性,增强社区两委干部队任建设的稳定性,增强社区西委干部的归属成。保障社区工作一线力量';
    expect(findRepeat(goal, 8)).toBe('增强社区两委干部队伍建设的稳定性');
    const doc = buildDocument({ projects: [buildProject({ name: '社区两委干部补贴', goal })] });
    expect(runCheck(repeatedPhrase, doc)).toHaveLength(1);
  });
  it('leaves ordinary parallel sentences alone', () => {
    expect(findRepeat('一是凝心聚力加强党建工作建设；二是坚持和完善党的集中统一领导；三是强化各级党组织建设。', 8)).toBeNull();
    expect(findRepeat('提高社区居民群众参与社区服务、社区管理和社区自治的热情', 8)).toBeNull();
    expect(findRepeat('强化城市管理，优化人居环境；加强公共服务，增强居民获得感', 8)).toBeNull();
    expect(findRepeat('开展社区活动12场。开展社区活动12场。', 8)).toBe('开展社区活动12场');
  });
});

describe('suspect-wording', () => {
  it('finds 「不于」 in a formula (seed 000) and 「职称或以上」 in a target (seed 004)', () => {
    const doc = buildDocument({
      projects: [
        buildProject({
          name: '测试项目',
          indicators: [
            { name: '防灾减灾救灾应急演练活动', annual: '≥2场', formula: '计划全年组织开展防灾减灾救灾应急演练活动次数不于2场。' },
            { name: '在编人员年度考核情况', annual: '职称或以上' },
            { name: '考核情况', annual: '称职或以上' },
          ],
        }),
      ],
    });
    const found = runCheck(suspectWording, doc);
    expect(found.map((f) => [f.location.field, f.evidence.includes('不于') || f.evidence.includes('职称或以上')])).toEqual([
      ['说明及公式', true],
      ['年度指标值', true],
    ]);
    expect(found[1]?.message).toContain('称职或以上');
  });
});
