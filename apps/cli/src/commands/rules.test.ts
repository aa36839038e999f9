/**
 * `jixiao rules` and `jixiao score --rules/--region` as a user runs them (real processes on a temp JIXIAO_DATA_DIR):
 * copy → set → activate → score, and re-scoring with the old version gives the old result.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { openStore } from '@jixiao/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseActual } from '../../../../packages/core/src/target/parse-actual';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { useCliSandbox } from '../testing/run-cli';

describe('jixiao rules', () => {
  const cli = useCliSandbox('jixiao-rules-');
  /** 75% spent, every indicator met: 97.5 (优) nationally; 89 (良) under a cap of 89 for 70–80%. */
  const doc = buildDocument({
    kind: 'project-self-evaluation',
    department: '荔湾区测试街道',
    year: 2024,
    projects: [
      buildProject({
        name: '社区活动',
        budget: { initial: 100, adjustment: 0, adjusted: 100, spent: 75, bySource: [] },
        indicators: [
          { name: '举办活动次数', annual: '≥12次', levels: '1-产出指标; 11-数量指标', actual: parseActual('12次') },
          { name: '活动覆盖率', annual: '≥90%', levels: '2-效益指标; 22-社会效益', actual: parseActual('95%') },
          { name: '居民满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度', actual: parseActual('95%') },
        ],
      }),
    ],
  });

  beforeAll(() => {
    writeFileSync(join(cli.dir, 'self.json'), JSON.stringify(doc));
  });

  const score = async (args: string[]) => {
    const run = await cli.run(['score', join(cli.dir, 'self.json'), ...args]);
    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0, stderr: '' });
    const out = JSON.parse(run.stdout) as { ruleSet: string; projects: { score: { rule: string; total: number; cappedTotal: number | null; grade: string } }[] };
    return { ruleSet: out.ruleSet, ...out.projects[0]!.score };
  };

  it('copies, sets (refusing bad settings with exit 2), activates, and scores with the active and with an old version', async () => {
    expect(await score([])).toMatchObject({ ruleSet: 'cn-project-self-evaluation@1', total: 97.5, grade: '优' });

    const copy = await cli.run(['rules', 'copy', 'cn-project-self-evaluation@1', '--id', 'liwan-project', '--version', '1', '--region', '荔湾区', '--years', '2024-2025', '--source', '荔财〔2024〕1号', '--by', '管理员']);
    expect({ code: copy.code, stderr: copy.stderr }).toMatchObject({ code: 0 });
    expect(copy.stdout).toContain('已保存规则集 liwan-project@1');

    const bad = await cli.run(['rules', 'set', 'liwan-project@1', 'weights.execution=15']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('设置 weights：各项分值之和应为 100，现为 105');

    const set = await cli.run(['rules', 'set', 'liwan-project@1', 'totalCaps=[{"fromRate":70,"belowRate":80,"maxTotal":89}]', '--json']);
    expect({ code: set.code, stderr: set.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(set.stdout)).toMatchObject({ ref: 'liwan-project@2', basedOn: 'liwan-project@1' });

    const activate = await cli.run(['rules', 'activate', 'liwan-project@2', '--region', '荔湾区', '--year', '2024']);
    expect({ code: activate.code, stderr: activate.stderr }).toMatchObject({ code: 0 });
    expect(activate.stdout).toContain('liwan-project@2');

    expect(await score(['--region', '荔湾区'])).toMatchObject({ ruleSet: 'liwan-project@2', rule: 'liwan-project@2', total: 97.5, cappedTotal: 89, grade: '良' });
    expect(await score(['--rules', 'liwan-project@1'])).toMatchObject({ ruleSet: 'liwan-project@1', total: 97.5, cappedTotal: null, grade: '优' });

    const list = await cli.run(['rules', 'list']);
    expect(list.stdout).toMatch(/荔湾区 2024 年 项目支出绩效自评 → liwan-project@2/);
    const wrong = await cli.run(['score', join(cli.dir, 'self.json'), '--rules', 'cn-monitoring@1']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('不能用于项目支出绩效自评');
  }, 180_000);

  it('left an audit entry for the copy, the new version and the activation, naming the operator (--by, else the system user)', async () => {
    const store = await openStore({ dataDir: cli.dataDir });
    try {
      const { items } = await store.audit.listAudit({ action: 'rule-set.', limit: 50 });
      const me = `cli:${userInfo().username}`;
      // Newest first; the refused `set` left nothing.
      expect(items.map((a) => [a.action, a.objectId, a.actor.username])).toEqual([
        ['rule-set.activate', 'project-self-evaluation/荔湾区/2024', me],
        ['rule-set.create-version', 'liwan-project@2', me],
        ['rule-set.create-version', 'liwan-project@1', 'cli:管理员'],
      ]);
      expect(new Set(items.map((a) => a.requestId?.startsWith('cli-')))).toEqual(new Set([true]));
    } finally {
      await store.close();
    }
  });
});
