/**
 * The monitoring-warning suite (issue 14 item 8), written once and run on both backends
 * (monitoring-warnings.pglite.test.ts, monitoring-warnings.pg.test.ts): warnings recorded once per report and key with
 * their deadline, answers appended in order, a missing warning or an empty explanation refused, nothing updated or
 * deleted.
 */
import type { NewMonitoringWarning } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { causeOf, importSeed002, rejection, useSuiteStore, type StoreHandle } from './testing';

export function monitoringWarningsSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`monitoring warnings on ${backend}`, () => {
    let store: OpenedStore;
    let evaluationId: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      const { documentId } = await importSeed002(store);
      evaluationId = (await store.evaluations.createEvaluation({ documentId, targetVersion: 1, kind: 'monitoring', period: '2024-07', entries: {}, by: '李填报' })).id;
    });

    const warning = (extra: Partial<NewMonitoringWarning> = {}): NewMonitoringWarning => ({
      evaluationId,
      key: 'execution-floor:total',
      lineKey: 'total',
      label: '合计',
      rule: 'execution-floor',
      setting: 'warnings.executionFloors[1]',
      reason: '1–7月累计执行率 12%，低于 6 月底应达到的 40%',
      ruleSet: { id: 'cn-monitoring', version: 2 },
      due: '2024-08-07',
      issuedBy: '李填报',
      ...extra,
    });

    it('records each warning once per report and key, with its deadline, and appends answers in order', async () => {
      const issued = await store.monitoringWarnings.issueWarnings([warning(), warning({ key: 'execution-floor:p-0-0', lineKey: 'p-0-0', label: '街道综合工作经费' })]);
      expect(issued.map((w) => [w.key, w.due, w.responses.length])).toEqual([
        ['execution-floor:total', '2024-08-07', 0],
        ['execution-floor:p-0-0', '2024-08-07', 0],
      ]);
      expect(issued[0]!.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      // A resubmission raising the same warning keeps the first (and its deadline).
      const again = await store.monitoringWarnings.issueWarnings([warning({ due: '2024-09-30' })]);
      expect(again.map((w) => [w.key, w.due])).toEqual([
        ['execution-floor:total', '2024-08-07'],
        ['execution-floor:p-0-0', '2024-08-07'],
      ]);
      const first = await store.monitoringWarnings.respond({ warningId: issued[0]!.id, response: '继续执行', explanation: '8 月集中支付', by: '李填报' });
      await store.monitoringWarnings.respond({ warningId: issued[0]!.id, response: '调剂', explanation: '改为调剂 10 万元', by: '李填报' });
      const listed = await store.monitoringWarnings.listWarnings({ evaluationIds: [evaluationId] });
      expect(listed[0]!.responses.map((r) => [r.response, r.explanation, r.by])).toEqual([
        ['继续执行', '8 月集中支付', '李填报'],
        ['调剂', '改为调剂 10 万元', '李填报'],
      ]);
      expect(listed[0]!.responses[0]!.id).toBe(first.id);
      expect(listed[1]!.responses).toEqual([]);
      expect(listed[0]).toMatchObject({ rule: 'execution-floor', setting: 'warnings.executionFloors[1]', ruleSet: { id: 'cn-monitoring', version: 2 }, label: '合计' });
      expect(await store.monitoringWarnings.listWarnings({ evaluationIds: [] })).toEqual([]);
    });

    it('refuses a missing warning, an empty explanation and an unknown rule; never updates or deletes', async () => {
      const [w] = await store.monitoringWarnings.issueWarnings([warning()]);
      expect((await rejection(store.monitoringWarnings.respond({ warningId: w!.id + 1000, response: '取消', explanation: '不再实施', by: '李' }))).message).toMatch(/找不到编号为 \d+ 的监控预警/);
      expect(await causeOf(store.monitoringWarnings.respond({ warningId: w!.id, response: '取消', explanation: '  ', by: '李' }))).toMatch(/monitoring_warning_responses_explanation/);
      expect(await causeOf(store.monitoringWarnings.issueWarnings([warning({ key: 'x', rule: 'made-up' as never })]))).toMatch(/monitoring_warnings_rule/);
      await store.monitoringWarnings.respond({ warningId: w!.id, response: '取消', explanation: '不再实施', by: '李' });
      const kept = (await store.monitoringWarnings.listWarnings({ evaluationIds: [evaluationId] })).flatMap((x) => x.responses.map((r) => r.response));
      expect(kept.at(-1)).toBe('取消');
      for (const table of ['monitoring_warnings', 'monitoring_warning_responses']) {
        for (const statement of [`update ${table} set id = id`, `delete from ${table}`, `truncate ${table} cascade`]) {
          expect(`${statement}: ${await causeOf(store.db.execute(sql.raw(statement)))}`).toMatch(new RegExp(`: ${table} is append-only: (UPDATE|DELETE|TRUNCATE) refused`));
        }
      }
      expect((await store.monitoringWarnings.listWarnings({ evaluationIds: [evaluationId] })).flatMap((x) => x.responses.map((r) => r.response))).toEqual(kept);
    });
  });
}
