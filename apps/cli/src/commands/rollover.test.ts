/**
 * `jixiao rollover` on seed 002 (金花街道's 2024 project targets): refused until approved, then next year's draft with
 * every project and indicator and no amounts; never twice for one year; --to-year and --keep-amounts; each change in
 * the audit trail with the operator named.
 */
import { listProjects, type PerformanceDocument } from '@jixiao/core';
import { openStore } from '@jixiao/store';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { approveTargetsIn, SEED_002, useCliSandbox } from '../testing/run-cli';

/** Every indicator as project / name / annual target: what must carry over to next year unchanged. */
const names = (d: PerformanceDocument) => listProjects(d).flatMap(({ project }) => project.indicators.map((i) => `${project.name}/${i.name}/${i.annualTarget?.text ?? ''}`));

describe('jixiao rollover', () => {
  const cli = useCliSandbox('jixiao-cli-rollover-');

  const approve = (documentId: number) => approveTargetsIn(cli.dataDir, documentId);

  const exported = async (id: number) => JSON.parse((await cli.run(['export', '--document', String(id)])).stdout) as PerformanceDocument;

  it('documents itself in --help and in the command list', async () => {
    expect((await cli.run(['rollover', '--help'])).stdout).toContain('--keep-amounts');
    expect((await cli.run(['--help'])).stdout).toContain('rollover');
    expect((await cli.run(['rollover'])).code).toBe(2);
    expect((await cli.run(['rollover', '--document', 'x'])).code).toBe(2);
  });

  it('refuses unapproved targets; makes 2025’s draft from approved 2024; never twice; keeps amounts when asked', async () => {
    expect((await cli.run(['import', SEED_002, '--year', '2024'])).code).toBe(0);
    const early = await cli.run(['rollover', '--document', '1']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('只有已批复的绩效目标可以结转到下一年度');

    await approve(1);
    const made = await cli.run(['rollover', '--document', '1', '--by', '李填报']);
    expect({ code: made.code, stderr: made.stderr }).toEqual({ code: 0, stderr: '' });
    expect(made.stdout).toMatch(/^已结转：文档 1（2024 年度第 1 版）→ 文档 2（2025 年度草稿，\d+ 个项目、\d+ 条指标，金额已清空待填）/);

    const [last, next] = [await exported(1), await exported(2)];
    expect(next.year).toBe(2025);
    expect(names(next)).toEqual(names(last));
    expect(listProjects(next).every(({ project }) => project.amount === null)).toBe(true);
    expect(listProjects(last).some(({ project }) => project.amount !== null)).toBe(true);

    const twice = await cli.run(['rollover', '--document', '1']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('2025 年度已有这份绩效目标');

    const kept = await cli.run(['rollover', '--document', '1', '--to-year', '2026', '--keep-amounts', '--json']);
    expect(JSON.parse(kept.stdout)).toMatchObject({ documentId: 3, year: 2026, keepAmounts: true, from: { documentId: 1, version: 1, year: 2024 } });
    expect(listProjects(await exported(3)).map(({ project }) => project.amount)).toEqual(listProjects(last).map(({ project }) => project.amount));

    const store = await openStore({ dataDir: cli.dataDir });
    try {
      const audit = await store.audit.listAudit({ action: 'document.rollover', limit: 10 });
      expect(audit.items.map((a) => [a.objectId, a.actor.username])).toEqual([
        ['3', `cli:${userInfo().username}`],
        ['2', 'cli:李填报'],
      ]);
      const drafts = await store.workflow.listTargetWorkflows({});
      expect(drafts.filter((d) => d.documentId !== 1).map((d) => [d.year, d.status])).toEqual([
        [2025, 'draft'],
        [2026, 'draft'],
      ]);
    } finally {
      await store.close();
    }
  });
});
