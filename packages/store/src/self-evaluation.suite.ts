/**
 * The self-evaluation use cases on a real store, run on both backends (self-evaluation.pglite.test.ts,
 * self-evaluation.pg.test.ts): start against the target version, save with the revision check, keep scores with the
 * rule set id@version and re-score with an old version; the imported seeds scored as they stand (003: the
 * key-indicator table 49.5 of 50; 004 by R8); the actuals workbook round trip and a refused upload.
 */
import { applyEntries, indicatorSlots, type SelfEvaluationEntries } from '@jixiao/core';
import {
  activateRuleSet,
  createRuleSetVersion,
  getSelfEvaluation,
  importActualsWorkbook,
  importDocumentFile,
  keepSelfEvaluationScore,
  renderSelfEvaluationFile,
  saveSelfEvaluationEntries,
  saveSelfEvaluationReport,
  scoreSelfEvaluationNow,
  startSelfEvaluation,
  SYSTEM_CHANGE,
} from '@jixiao/services';
import { approveTargetsForTest } from '@jixiao/services/testing';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { importSeed002, rejection, seedFile as seed, useSuiteStore, type StoreHandle } from './testing';

export function selfEvaluationSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`self-evaluation on ${backend}`, () => {
    let store: OpenedStore;
    let targets: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      targets = (await importSeed002(store)).documentId;
      await approveTargetsForTest({ store }, targets);
    });

    it('starts on the target version, scores live, saves on the revision and refuses a stale save naming who saved', async () => {
      const started = await startSelfEvaluation({ store }, SYSTEM_CHANGE, { documentId: targets, year: 2024, by: '李填报' });
      expect(started).toMatchObject({ documentId: targets, targetVersion: 1, period: '2024', revision: 1, scope: 'project', entries: { indicators: {}, budgets: {} } });
      expect(started.ruleSet.ref).toBe('cn-project-self-evaluation@1');
      expect(started.report.sections.map((s) => s.heading)).toContain('三、存在的主要问题');
      const wrongYear = await rejection(startSelfEvaluation({ store }, SYSTEM_CHANGE, { documentId: targets, year: 2024, by: '王' }));
      expect(wrongYear.code).toBe('CONFLICT');

      const target = started.target as Parameters<typeof indicatorSlots>[0];
      const [first] = indicatorSlots(target);
      const entries: SelfEvaluationEntries = { indicators: { [first!.key]: { actual: '1次' } }, budgets: { [first!.budgetKey!]: { adjusted: 20, spent: 10 } } };
      const saved = await saveSelfEvaluationEntries({ store }, SYSTEM_CHANGE, { id: started.id, baseRevision: 1, entries, by: '李填报' });
      expect(saved.revision).toBe(2);
      expect(saved.entries.indicators[first!.key]).toEqual({ actual: '1次' });
      const score = saved.score as { scope: string; projects: Array<{ key: string; score: { execution: { rate: number } } }> };
      expect(score.projects.find((p) => p.key === first!.budgetKey)!.score.execution.rate).toBe(50);
      // The targets are untouched: the stored version still has no actuals.
      expect((await store.documents.getDocument(targets, 1)).document).toEqual(target);

      const stale = await rejection(saveSelfEvaluationEntries({ store }, SYSTEM_CHANGE, { id: started.id, baseRevision: 1, entries: { indicators: {}, budgets: {} }, by: '赵同事' }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toContain('李填报');
      const unknown = await rejection(saveSelfEvaluationEntries({ store }, SYSTEM_CHANGE, { id: started.id, baseRevision: 2, entries: { indicators: { 'u9.p9.i9': { actual: '1' } }, budgets: {} }, by: '李' }));
      expect(unknown.code).toBe('BAD_INPUT');
      expect(unknown.message).toContain('u9.p9.i9');
      expect((await getSelfEvaluation({ store }, { id: started.id })).revision).toBe(2);
    });

    it('keeps scores with the rule set id@version; re-scoring with the old version gives the first result after a new one is activated', async () => {
      const evaluation = (await store.evaluations.listEvaluations({ documentId: targets, kind: 'self-evaluation' }))[0]!;
      const slots = indicatorSlots((await store.documents.getDocument(targets, 1)).document).filter((s) => s.budgetKey === 'u0.p0');
      const indicators = Object.fromEntries(slots.map((s) => [s.key, s.indicator.annualTarget?.kind === 'quantitative' ? { actual: `${s.indicator.annualTarget.value}${s.indicator.annualTarget.unit ?? ''}` } : { tier: 'achieved' as const }]));
      const current = await getSelfEvaluation({ store }, { id: evaluation.id });
      await saveSelfEvaluationEntries({ store }, SYSTEM_CHANGE, { id: evaluation.id, baseRevision: current.revision, entries: { indicators, budgets: { 'u0.p0': { adjusted: 100, spent: 80 } } }, by: '李填报' });
      const firstScore = await scoreSelfEvaluationNow({ store }, { id: evaluation.id });
      if (firstScore.scope !== 'project') throw new Error('project');
      const first = firstScore.projects[0]!.score;
      expect(first.execution.score).toBe(8);
      expect(first.total).toBe(98);
      const kept = await keepSelfEvaluationScore({ store }, SYSTEM_CHANGE, { id: evaluation.id, by: '李填报' });
      expect(kept).toMatchObject({ ruleSet: 'cn-project-self-evaluation@1', evaluationRevision: current.revision + 1, total: null });

      await createRuleSetVersion({ store }, SYSTEM_CHANGE, { from: 'cn-project-self-evaluation@1', id: 'liwan-project-self-evaluation', region: '广州市荔湾区', source: { docNo: '荔财〔2024〕1号', title: '测试' }, changes: { 'weights.execution': 20, 'weights.output': 40 }, by: '管理员' });
      await activateRuleSet({ store }, SYSTEM_CHANGE, { ruleSet: 'liwan-project-self-evaluation@1', region: '广州市荔湾区', year: 2024, by: '管理员' });
      const now = await scoreSelfEvaluationNow({ store }, { id: evaluation.id });
      if (now.scope !== 'project') throw new Error('project');
      expect(now.rule).toBe('liwan-project-self-evaluation@1');
      expect(now.projects[0]!.score.execution.score).toBe(16);
      expect(now.projects[0]!.score.total).toBe(96);
      const keptNew = await keepSelfEvaluationScore({ store }, SYSTEM_CHANGE, { id: evaluation.id, by: '李填报' });
      expect(keptNew.ruleSet).toBe('liwan-project-self-evaluation@1');

      const again = await scoreSelfEvaluationNow({ store }, { id: evaluation.id, ruleSet: 'cn-project-self-evaluation@1' });
      const stored = await store.evaluations.listScores(evaluation.id);
      expect(stored.map((s) => `${s.ruleSet.id}@${s.ruleSet.version}`)).toEqual(['cn-project-self-evaluation@1', 'liwan-project-self-evaluation@1']);
      expect(again).toEqual(stored[0]!.result);
      expect(again).not.toEqual(stored[1]!.result);
    });

    it('seed 003 imported: its key-indicator table is scored as stated, 49.5 of 50', async () => {
      const id = (await importDocumentFile({ store }, SYSTEM_CHANGE, seed('003_278ffe92ce2b05fd.txt'))).documentId;
      const started = await startSelfEvaluation({ store }, SYSTEM_CHANGE, { documentId: id, year: 2021, by: '白云湖' });
      const score = started.score as { scope: string; department: { keyTasksScore: number; tasks: Array<{ weight: number; score: number }>; spendingProgress: { rate: number } } };
      expect(score.scope).toBe('department');
      expect(score.department.tasks.map((t) => t.weight)).toEqual([5, 14, 14, 14, 3]);
      expect(score.department.keyTasksScore).toBe(49.5);
      expect(score.department.spendingProgress.rate).toBe(97.87);
    });

    it('seed 004 imported: scored by R8 from its own figures; with 年度目标 rated it has a total and a grade', async () => {
      const id = (await importDocumentFile({ store }, SYSTEM_CHANGE, seed('004_2c12f7b2ed482af0.txt'))).documentId;
      const started = await startSelfEvaluation({ store }, SYSTEM_CHANGE, { documentId: id, year: 2021, by: '多宝' });
      const score = started.score as { department: { spendingProgress: { rate: number; score: number }; tasks: Array<{ lines: Array<{ result: { status: string } }> }> }; total: number | null };
      expect(score.department.spendingProgress.rate).toBe(88.18);
      expect(score.department.spendingProgress.score).toBe(26.45);
      expect(score.department.tasks).toHaveLength(5);
      expect(score.total).toBeNull();
      // 年度目标 and the indicators whose completion is words (年中和年末均达良好) wait for the evaluator's tier (R5, R8);
      // two actuals are written in another unit than their target (次 for 次/日, 万 for 万元) and are refused until rated.
      const statuses = score.department.tasks.flatMap((t) => t.lines.map((l) => l.result.status));
      expect(statuses.filter((x) => x === 'pending')).toHaveLength(2);
      expect(statuses.filter((x) => x === 'invalid')).toHaveLength(2);
      const indicators = { ...started.entries.indicators };
      score.department.tasks.forEach((t, i) =>
        t.lines.forEach((l, k) => {
          if (l.result.status === 'pending' || l.result.status === 'invalid') indicators[`t${i}.i${k}`] = { ...indicators[`t${i}.i${k}`], tier: 'achieved' };
        }),
      );
      const rated = await saveSelfEvaluationEntries({ store }, SYSTEM_CHANGE, { id: started.id, baseRevision: 1, entries: { ...started.entries, indicators, goal: { tier: 'achieved' } }, by: '多宝' });
      expect(rated.score['total']).toEqual(expect.any(Number));
      expect(['优', '良', '中', '差']).toContain(rated.score['grade']);
      // The report drafts the real shortfall (execution 88.18% < 90%) and its measure; the edit is what the .docx prints.
      expect(rated.report.problems.map((p) => p.kind)).toContain('execution-low');
      const problems = rated.report.sections.find((s) => s.heading === '三、存在的主要问题')!;
      expect(problems.text).toContain('88.18%');
      const edited = await saveSelfEvaluationReport({ store }, SYSTEM_CHANGE, { id: started.id, baseRevision: rated.revision, report: { sections: { [problems.heading]: '（一）经核实，执行偏慢的原因是项目延期。' } }, by: '多宝' });
      expect(edited.report.sections.find((s) => s.heading === problems.heading)).toMatchObject({ edited: true, text: '（一）经核实，执行偏慢的原因是项目延期。' });
      const report = await renderSelfEvaluationFile({ store }, { id: started.id, format: 'self-evaluation-report', date: '2022-03-01' });
      expect(report.fileName).toMatch(/部门整体支出绩效自评报告\.docx$/);
      const table = await renderSelfEvaluationFile({ store }, { id: started.id, format: 'department-self-evaluation-table', date: '2022-03-01' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(table.bytes) as unknown as ArrayBuffer);
      const cells: string[] = [];
      book.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
      expect(cells).toContain('88.18%');
      expect(cells).toContain('（一）经核实，执行偏慢的原因是项目延期。');
      const wrong = await rejection(renderSelfEvaluationFile({ store }, { id: started.id, format: 'project-self-evaluation-table', date: '2022-03-01' }));
      expect(wrong.code).toBe('BAD_INPUT');
    });

    it('the actuals workbook: download, fill, upload back; a bad upload is refused whole and changes nothing', async () => {
      const evaluation = (await store.evaluations.listEvaluations({ documentId: targets, kind: 'self-evaluation' }))[0]!;
      const before = await getSelfEvaluation({ store }, { id: evaluation.id });
      const file = await renderSelfEvaluationFile({ store }, { id: evaluation.id, format: 'actuals-workbook', date: '2025-01-10' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
      const ws = book.getWorksheet('实际完成值')!;
      const row = ws.getRow(4);
      expect(row.getCell(1).value).toBe('u0.p0.i0');
      row.getCell(9).value = '不知道';
      const bad = new Uint8Array(await book.xlsx.writeBuffer());
      const refused = await rejection(importActualsWorkbook({ store }, SYSTEM_CHANGE, { id: evaluation.id, fileName: 'x.xlsx', bytes: bad, by: '李' }));
      expect(refused.code).toBe('BAD_INPUT');
      expect(refused.message).toMatch(/「实际完成值」工作表第 4 行 I 列/);
      expect((await getSelfEvaluation({ store }, { id: evaluation.id })).revision).toBe(before.revision);

      const target = row.getCell(7).value as string;
      row.getCell(9).value = target.replace(/^[≥>=≤<]/, '');
      const good = new Uint8Array(await book.xlsx.writeBuffer());
      const { evaluation: after, rows } = await importActualsWorkbook({ store }, SYSTEM_CHANGE, { id: evaluation.id, fileName: 'x.xlsx', bytes: good, by: '李' });
      expect(rows).toBe(indicatorSlots(before.target as Parameters<typeof indicatorSlots>[0]).length);
      expect(after.revision).toBe(before.revision + 1);
      expect(after.entries.indicators['u0.p0.i0']!.actual).toBe(target.replace(/^[≥>=≤<]/, ''));
      // Untouched rows kept what was entered on the page before.
      const doc = applyEntries(after.target as Parameters<typeof applyEntries>[0], after.entries as SelfEvaluationEntries);
      expect(doc.units[0]!.projects[0]!.budget).toMatchObject({ adjusted: 100, spent: 80 });
    });
  });
}
