/**
 * The rule-set suite, written once and run on both backends (rule-sets.pglite.test.ts, rule-sets.pg.test.ts): the
 * rule-set use cases of packages/services on a real store — copy with changes into new immutable versions, refuse
 * bad settings naming the setting, activate for a region and year, and re-score with an old version.
 */
import { NATIONAL_PROJECT_SELF_EVALUATION, parseActual, scoreProject, type ProjectScoringSettings } from '@jixiao/core';
import { activateRuleSet, createRuleSetVersion, getRuleSet, listRuleSets, resolveRuleSet, SYSTEM_CHANGE } from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import { buildProject } from '@jixiao/core/testing';
import type { OpenedStore } from './open-store';
import { rejection, useSuiteStore, type StoreHandle } from './testing';

/** 75% spent, every indicator met: 7.5 + 90 = 97.5 (优) nationally. */
const project = buildProject({
  name: '社区活动',
  indicators: [
    { name: '举办活动次数', annual: '≥12次', levels: '1-产出指标; 11-数量指标', actual: parseActual('12次') },
    { name: '活动覆盖率', annual: '≥90%', levels: '2-效益指标; 22-社会效益', actual: parseActual('95%') },
    { name: '居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度', actual: parseActual('95%') },
  ],
});
const budget = { initial: 100, adjustment: 0, spent: 75 };

export function ruleSetSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`rule sets on ${backend}`, () => {
    let store: OpenedStore;

    useSuiteStore(open, (opened) => {
      store = opened;
    });

    it('lists the built-in rule sets without storing them', async () => {
      const { items, activations } = await listRuleSets({ store });
      expect(items.map((i) => i.ref)).toEqual(['cn-target-review@2', 'cn-target-review@1', 'cn-project-self-evaluation@1', 'cn-department-self-evaluation@1', 'cn-monitoring@2', 'cn-monitoring@1', 'cn-department-table-self-evaluation@1', 'cn-results-use@1']);
      expect(items.every((i) => i.builtIn)).toBe(true);
      expect(activations).toEqual([]);
      expect(await store.ruleSets.listRuleSets()).toEqual([]);
    });

    it('copies a built-in rule set for a district, years and 文号, then changes a setting into a new version', async () => {
      const copy = await createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'cn-project-self-evaluation@1', id: 'liwan-project', region: '荔湾区', years: { from: 2024, to: 2025 }, source: '荔财〔2024〕1号', by: '管理员' });
      expect(copy).toMatchObject({ ref: 'liwan-project@1', region: '荔湾区', years: { from: 2024, to: 2025 }, basedOn: 'cn-project-self-evaluation@1', builtIn: false, createdBy: '管理员' });
      expect(copy.sources[0]).toMatchObject({ docNo: '荔财〔2024〕1号' });
      expect(copy.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

      const changed = await createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'liwan-project@1', changes: { totalCaps: [{ fromRate: 70, belowRate: 80, maxTotal: 89 }] }, by: '管理员' });
      expect(changed).toMatchObject({ ref: 'liwan-project@2', basedOn: 'liwan-project@1', region: '荔湾区' });
      expect((changed.settings as ProjectScoringSettings).totalCaps).toEqual([{ fromRate: 70, belowRate: 80, maxTotal: 89 }]);
      // Version 1 is unchanged.
      expect(((await getRuleSet({ store }, { ref: 'liwan-project@1' })).settings as ProjectScoringSettings).totalCaps).toEqual([]);
      expect((await getRuleSet({ store }, { ref: 'liwan-project' })).version).toBe(2);
    });

    it('refuses bad settings naming the setting, unknown settings, and overwriting a version', async () => {
      const bad = await rejection(createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'liwan-project@2', changes: { 'weights.execution': 15 }, by: '管理员' }));
      expect(bad.code).toBe('BAD_INPUT');
      expect(bad.message).toContain('设置 weights：各项分值之和应为 100，现为 105');
      const unknown = await rejection(createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'liwan-project@2', changes: { 'weights.exec': 5 }, by: '管理员' }));
      expect(unknown.message).toContain('没有设置项 weights.exec');
      const again = await rejection(createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'liwan-project@2', version: 1, by: '管理员' }));
      expect(again.code).toBe('CONFLICT');
      const builtIn = await rejection(createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'cn-monitoring@1', version: 1, by: '管理员' }));
      expect(builtIn.code).toBe('CONFLICT');
      expect((await rejection(getRuleSet({ store }, { ref: 'nope@1' }))).code).toBe('NOT_FOUND');
      // The store itself refuses to overwrite a stored version.
      const stored = (await store.ruleSets.getRuleSet('liwan-project', 1))!;
      expect((await rejection(store.ruleSets.saveRuleSet({ ...stored.ruleSet, name: '改过的' }, 'x'))).code).toBe('CONFLICT');
      expect((await store.ruleSets.getRuleSet('liwan-project', 1))!.ruleSet.name).toBe(stored.ruleSet.name);
      expect((await store.ruleSets.listRuleSets()).map((s) => `${s.ruleSet.id}@${s.ruleSet.version}`)).toEqual(['liwan-project@1', 'liwan-project@2']);
    });

    it('activates a version for a region and year; the latest activation counts and the most specific region wins', async () => {
      const refused = await rejection(activateRuleSet({ store }, SYSTEM_CHANGE, { ruleSet: 'liwan-project@1', region: '荔湾区', year: 2023, by: '管理员' }));
      expect(refused.message).toContain('适用于 2024–2025 年度');
      await activateRuleSet({ store }, SYSTEM_CHANGE, { ruleSet: 'liwan-project@1', region: '荔湾区', year: 2024, by: '管理员' });
      const v1 = await resolveRuleSet<ProjectScoringSettings>({ store }, { scheme: 'project-self-evaluation', region: '荔湾区', year: 2024 });
      expect(`${v1.id}@${v1.version}`).toBe('liwan-project@1');

      const a = await activateRuleSet({ store }, SYSTEM_CHANGE, { ruleSet: 'liwan-project@2', region: '荔湾区', year: 2024, by: '李管理' });
      expect(a).toMatchObject({ scheme: 'project-self-evaluation', region: '荔湾区', year: 2024, ruleSet: 'liwan-project@2', by: '李管理' });
      const v2 = await resolveRuleSet<ProjectScoringSettings>({ store }, { scheme: 'project-self-evaluation', region: '荔湾区', year: 2024 });
      expect(`${v2.id}@${v2.version}`).toBe('liwan-project@2');
      expect((await listRuleSets({ store })).activations).toEqual([expect.objectContaining({ ruleSet: 'liwan-project@2' })]);
      // Elsewhere and other years: the built-in one.
      expect((await resolveRuleSet({ store }, { scheme: 'project-self-evaluation', region: '越秀区', year: 2024 })).id).toBe('cn-project-self-evaluation');
      expect((await resolveRuleSet({ store }, { scheme: 'project-self-evaluation', region: '荔湾区', year: 2025 })).id).toBe('cn-project-self-evaluation');
      // A named rule set of another scheme is refused.
      expect((await rejection(resolveRuleSet({ store }, { scheme: 'monitoring', ref: 'liwan-project@2' }))).message).toMatch(/不能用于绩效运行监控/);
    });

    it('re-scoring with the old version gives the old result after a new version is activated', async () => {
      const national = scoreProject(project, budget, '万元', NATIONAL_PROJECT_SELF_EVALUATION);
      expect({ total: national.total, grade: national.grade }).toEqual({ total: 97.5, grade: '优' });
      const active = await resolveRuleSet<ProjectScoringSettings>({ store }, { scheme: 'project-self-evaluation', region: '荔湾区', year: 2024 });
      const now = scoreProject(project, budget, '万元', active);
      expect(now).toMatchObject({ rule: 'liwan-project@2', total: 97.5, cappedTotal: 89, grade: '良' });
      const old = scoreProject(project, budget, '万元', await resolveRuleSet<ProjectScoringSettings>({ store }, { scheme: 'project-self-evaluation', ref: 'liwan-project@1' }));
      expect(old).toMatchObject({ rule: 'liwan-project@1', total: 97.5, cappedTotal: null, grade: '优' });
    });

    // Last: the stored rule sets listed by the tests above do not include it.
    it('stores a district copy of the results-use rule set (R11), its settings checked against its table', async () => {
      const copy = await createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'cn-results-use@1', id: 'liwan-results-use', region: '荔湾区', changes: { 'openRectification.suggestion': 'reduce-or-cancel' }, by: '管理员' });
      expect(copy).toMatchObject({ ref: 'liwan-results-use@1', scheme: 'results-use', basedOn: 'cn-results-use@1' });
      const refused = await rejection(createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'liwan-results-use@1', changes: { 'openRectification.suggestion': 'stop' }, by: '管理员' }));
      expect(refused.message).toContain('整改未完成时的建议 stop 不在建议列表中');
    });
  });
}
