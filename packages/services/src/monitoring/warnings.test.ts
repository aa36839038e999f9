/**
 * Monitoring warnings through the services (issue 14 item 8) on seed 002 approved and monitored at July under
 * cn-monitoring@2: submitting a report below the month's floor records warnings due five working days later
 * (submitted on a Thursday: due the Thursday after the weekend), the unit answers one, and an unanswered one is on
 * the finance reviewer's 待办 only once its deadline has passed — with "now" passed in, as the edges do.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { monitorDocument, type Actor, type MonitoringEntries } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { ChangeContext } from '../access/audit';
import { importDocumentFile } from '../documents/import-document-file';
import { memoryStore } from '../testing/memory-store';
import { approveTargetsForTest } from '../testing/approve-targets';
import { getWorkbench } from '../workbench/get-workbench';
import { loadMonitoring } from './monitoring-state';
import { saveMonitoring } from './save-monitoring';
import { startMonitoring } from './start-monitoring';
import { submitMonitoring } from './submit-monitoring';
import { getMonitoringWarnings, respondToWarning } from './warnings';

const SEED_002 = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url))));
const operator: ChangeContext = { actor: null, requestId: 'test', operator: 'alice' };
const explained = { reason: '经费保障', explanation: '资金 8 月到位', likelihood: '有可能', measures: ['调整执行计划'] };

/** Every line filled: 30% spent on every project (below July's floor of 40%), indicators on schedule, reasons given. */
async function completeEntries(store: ReturnType<typeof memoryStore>, id: number): Promise<MonitoringEntries> {
  const state = await loadMonitoring({ store }, id);
  const empty = monitorDocument({ document: state.document, entries: {}, cutoffMonth: 7, ruleSet: state.ruleSet });
  const entries: MonitoringEntries = { budget: {}, indicators: {} };
  for (const l of empty.budgetLines) entries.budget![l.key] = { spent: Math.round((l.budget ?? 0) * 30) / 100, deviation: explained };
  for (const l of empty.indicatorLines) {
    if (l.mode === 'qualitative') entries.indicators![l.key] = { tier: 'achieved' };
    else if (!l.yearEnd) entries.indicators![l.key] = { actual: l.expected ?? 0, deviation: explained };
  }
  return entries;
}

describe('monitoring warnings', () => {
  it('a report below the floor raises warnings with a deadline; the unit answers; an unanswered one escalates after the deadline', async () => {
    let clock = new Date('2026-12-03T02:00:00Z'); // Thursday 10:00 in Beijing
    const store = memoryStore({ clock: () => clock });
    const imported = await importDocumentFile({ store }, operator, { fileName: '002.txt', bytes: SEED_002, year: 2026 });
    const departmentId = imported.departmentId!;
    const editor: Actor = { userId: 5, username: 'li', displayName: '李填报', role: 'unit-editor', departmentId, assignedDepartmentIds: [] };
    const reviewer: Actor = { userId: 6, username: 'wang', displayName: '王审核', role: 'finance-reviewer', departmentId: null, assignedDepartmentIds: [] };
    const other: Actor = { ...editor, userId: 7, username: 'zhao', departmentId: departmentId + 100 };
    await approveTargetsForTest({ store }, imported.documentId);
    const started = await startMonitoring({ store }, { actor: editor }, { documentId: imported.documentId, cutoffMonth: 7 });
    expect(started.ruleSet.ref).toBe('cn-monitoring@2');
    const saved = await saveMonitoring({ store }, { actor: editor }, { id: started.id, baseRevision: started.revision, entries: await completeEntries(store, started.id) });
    expect(saved.result.incomplete).toEqual([]);
    await submitMonitoring({ store }, { actor: editor, requestId: 'r1' }, { id: started.id, baseRevision: saved.revision });

    const listed = await getMonitoringWarnings({ store }, editor, { id: started.id }, clock);
    const floors = listed.warnings.filter((w) => w.rule === 'execution-floor');
    // Every project and the whole below 40%.
    expect(floors.length).toBe(saved.result.budgetLines.length + 1);
    expect(floors.at(-1)).toMatchObject({ label: '合计', setting: 'warnings.executionFloors[1]', ruleSet: 'cn-monitoring@2', due: '2026-12-10', status: 'waiting', latest: null });
    expect(floors.at(-1)!.reason).toMatch(/^1–7月累计执行率 30(\.\d+)?%，低于 6 月底应达到的 40%$/);
    expect(listed).toMatchObject({ responses: ['继续执行', '调剂', '取消'], responseWorkingDays: 5, canRespond: true });
    expect(store.state().audit.filter((a) => a.action === 'monitoring.warn')).toHaveLength(1);
    expect((await getMonitoringWarnings({ store }, reviewer, { id: started.id }, clock)).canRespond).toBe(false);

    // The unit answers one; the others still wait. Refused for a reviewer, another department, an unknown answer.
    const first = listed.warnings[0]!;
    const answered = await respondToWarning({ store }, { actor: editor, requestId: 'r2' }, { id: started.id, warningId: first.id, response: '调剂', explanation: '调剂 5 万元到社区服务' }, clock);
    expect(answered.warnings[0]).toMatchObject({ status: 'answered', latest: { response: '调剂', explanation: '调剂 5 万元到社区服务', by: '李填报' } });
    expect(answered.warnings.filter((w) => w.status === 'waiting')).toHaveLength(listed.warnings.length - 1);
    await expect(respondToWarning({ store }, { actor: reviewer }, { id: started.id, warningId: first.id, response: '取消', explanation: 'x' }, clock)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(respondToWarning({ store }, { actor: other }, { id: started.id, warningId: first.id, response: '取消', explanation: 'x' }, clock)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(respondToWarning({ store }, { actor: editor }, { id: started.id, warningId: first.id, response: '暂停', explanation: 'x' }, clock)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('继续执行、调剂、取消') });
    const audit = store.state().audit.filter((a) => a.action === 'monitoring.warning-respond');
    expect(audit.map((a) => [a.objectType, a.objectId, a.actor.username, a.requestId])).toEqual([['monitoring-warning', String(first.id), 'li', 'r2']]);

    // 待办: the unit's to answer at once; the reviewer's only the day after the deadline (Beijing).
    const kinds = async (actor: Actor, now: Date) => (await getWorkbench({ store }, actor, now)).groups.map((g) => [g.kind, g.count, g.overdue]);
    expect(await kinds(editor, clock)).toContainEqual(['monitoring-warning-to-respond', 1, 0]);
    expect((await kinds(reviewer, new Date('2026-12-10T15:59:00Z'))).map((k) => k[0])).not.toContain('monitoring-warning-overdue');
    expect(await kinds(reviewer, new Date('2026-12-10T16:00:00Z'))).toContainEqual(['monitoring-warning-overdue', 1, 1]);
    expect((await kinds(other, new Date('2026-12-11T02:00:00Z'))).map((k) => k[0])).not.toContain('monitoring-warning-to-respond');
    clock = new Date('2026-12-11T02:00:00Z');
    expect((await getMonitoringWarnings({ store }, reviewer, { id: started.id }, clock)).warnings.filter((w) => w.status === 'overdue')).toHaveLength(listed.warnings.length - 1);

    // Once every warning is answered, nothing is left to escalate.
    for (const w of listed.warnings.slice(1)) await respondToWarning({ store }, { actor: editor }, { id: started.id, warningId: w.id, response: '继续执行', explanation: '下半年集中支付' }, clock);
    expect((await kinds(reviewer, clock)).map((k) => k[0])).not.toContain('monitoring-warning-overdue');
    expect((await kinds(editor, clock)).map((k) => k[0])).not.toContain('monitoring-warning-to-respond');
  });

  it('a report under cn-monitoring@1 raises none', async () => {
    const store = memoryStore();
    const imported = await importDocumentFile({ store }, operator, { fileName: '002.txt', bytes: SEED_002, year: 2026 });
    const editor: Actor = { userId: 5, username: 'li', displayName: '李填报', role: 'unit-editor', departmentId: imported.departmentId!, assignedDepartmentIds: [] };
    await approveTargetsForTest({ store }, imported.documentId);
    const started = await startMonitoring({ store }, { actor: editor }, { documentId: imported.documentId, cutoffMonth: 7 });
    // As a report begun before @2 existed: its entries name @1.
    store.state().evaluations[0]!.entries = { ...(store.state().evaluations[0]!.entries as object), ruleSet: 'cn-monitoring@1' };
    const saved = await saveMonitoring({ store }, { actor: editor }, { id: started.id, baseRevision: started.revision, entries: await completeEntries(store, started.id) });
    expect(saved.ruleSet.ref).toBe('cn-monitoring@1');
    await submitMonitoring({ store }, { actor: editor }, { id: started.id, baseRevision: saved.revision });
    expect((await getMonitoringWarnings({ store }, editor, { id: started.id }, new Date())).warnings).toEqual([]);
  });
});
