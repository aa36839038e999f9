/**
 * The services commands on the memory store (no database): each change leaves its audit entry naming who made it,
 * a change whose entry cannot be written is taken back whole, and the save guard runs also without a person (the
 * command line), so a submitted report is never changed from there.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { ChangeContext } from './access/audit';
import { importDocumentFile } from './documents/import-document-file';
import { saveMonitoring } from './monitoring/save-monitoring';
import { startMonitoring } from './monitoring/start-monitoring';
import { submitMonitoring } from './monitoring/submit-monitoring';
import { activateRuleSet, createRuleSetVersion } from './rule-sets/rule-sets';
import { memoryStore, type MemoryStore } from './testing/memory-store';
import { approveTargetsForTest } from './testing/approve-targets';
import type { TransactionalStore } from './unit-of-work';
import { transitionEvaluation } from './workflow/evaluation-workflow';
import { transitionTarget } from './workflow/target-workflow';

const SEED_002 = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url))));
const operator: ChangeContext = { actor: null, requestId: 'cli-test', operator: 'alice' };

async function seeded(): Promise<{ store: MemoryStore; documentId: number; departmentId: number }> {
  const store = memoryStore();
  const imported = await importDocumentFile({ store }, operator, { fileName: '002.txt', bytes: SEED_002, year: 2024 });
  return { store, documentId: imported.documentId, departmentId: imported.departmentId! };
}

/** The store, with an audit trail that refuses every entry. */
function refusingAudit(store: MemoryStore): TransactionalStore {
  const refusing = (tx: TransactionalStore): TransactionalStore => ({ ...tx, audit: { ...tx.audit, append: () => Promise.reject(new Error('audit entry refused')) }, transaction: (work) => tx.transaction((inner) => work(refusing(inner))) });
  return refusing(store);
}

describe('a change is one command: checked, written and audited together', () => {
  it('an import from the command line is audited with the operator named', async () => {
    const { store, documentId } = await seeded();
    expect(store.state().audit.map((a) => [a.action, a.objectId, a.actor.username, a.actor.displayName, a.requestId])).toEqual([['document.import', String(documentId), 'cli:alice', '命令行（alice）', 'cli-test']]);
  });

  it('a change whose audit entry cannot be written is not stored', async () => {
    const store = memoryStore();
    const refused = await importDocumentFile({ store: refusingAudit(store) }, operator, { fileName: '002.txt', bytes: SEED_002, year: 2024 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(store.state().documents).toEqual([]);
    expect(store.state().audit).toEqual([]);
  });

  it('a unit editor imports only their own department (checked in the command, not the route)', async () => {
    const { store, departmentId } = await seeded();
    const other: Actor = { userId: 9, username: 'other', displayName: '别的街道', role: 'unit-editor', departmentId: departmentId + 100, assignedDepartmentIds: [] };
    const refused = await importDocumentFile({ store }, { actor: other, requestId: 'r' }, { fileName: '002-again.txt', bytes: SEED_002, year: 2024 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(store.state().documents).toHaveLength(1);
  });

  it('rule sets copied and activated from the command line are audited, naming the operator', async () => {
    const store = memoryStore();
    const copy = await createRuleSetVersion({ store }, operator, { from: 'cn-project-self-evaluation@1', id: 'liwan-project', region: '荔湾区', changes: { 'weights.execution': 15, 'weights.output': 45 } });
    await activateRuleSet({ store }, operator, { ruleSet: copy.ref, region: '荔湾区', year: 2024 });
    expect(store.state().ruleSets.map((r) => [r.ruleSet.id, r.createdBy])).toEqual([['liwan-project', 'alice']]);
    expect(store.state().audit.map((a) => [a.action, a.objectId, a.actor.username])).toEqual([
      ['rule-set.create-version', copy.ref, 'cli:alice'],
      ['rule-set.activate', 'project-self-evaluation/荔湾区/2024', 'cli:alice'],
    ]);
  });

  it('monitoring: start and save leave their entries with the report before and after; an incomplete submit changes nothing; a submitted report refuses a save, also from the command line', async () => {
    const { store, documentId, departmentId } = await seeded();
    const editor: Actor = { userId: 1, username: 'li', displayName: '李填报', role: 'unit-editor', departmentId, assignedDepartmentIds: [] };
    const who = { actor: editor, requestId: 'req-1' };
    // Monitoring starts only on approved targets (decideEvaluationStart); a draft is refused, nothing written.
    await expect(startMonitoring({ store }, who, { documentId, cutoffMonth: 7 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('尚未批复') });
    await approveTargetsForTest({ store }, documentId);
    const started = await startMonitoring({ store }, who, { documentId, cutoffMonth: 7 });
    const saved = await saveMonitoring({ store }, who, { id: started.id, baseRevision: started.revision, entries: { budget: {}, indicators: {} } });
    const entries = () => store.state().audit.filter((a) => a.objectType === 'evaluation');
    expect(entries().map((a) => [a.action, a.actor.username, (a.before as { revision?: number } | null)?.revision ?? null, (a.after as { revision: number }).revision])).toEqual([
      ['monitoring.start', 'li', null, 1],
      ['monitoring.save', 'li', 1, 2],
    ]);
    expect(saved.updatedBy).toBe('李填报');

    // Nothing is filled in: refused naming what is missing, and nothing was written.
    expect(await submitMonitoring({ store }, who, { id: started.id, baseRevision: saved.revision }).catch((e: unknown) => e)).toMatchObject({ code: 'BAD_INPUT' });
    expect([store.state().evaluations[0]!.status, entries().length]).toEqual(['draft', 2]);

    await transitionEvaluation({ store }, who, { evaluationId: started.id, action: 'submit' });
    const refused = await saveMonitoring({ store }, operator, { id: started.id, baseRevision: store.state().evaluations[0]!.revision, entries: { budget: {}, indicators: {} } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(entries().map((a) => a.action)).toEqual(['monitoring.start', 'monitoring.save', 'workflow.monitoring.submit']);
  });

  it('a workflow transition and its entry are one change: without the entry there is no transition', async () => {
    const { store, documentId, departmentId } = await seeded();
    const editor: Actor = { userId: 1, username: 'li', displayName: '李填报', role: 'unit-editor', departmentId, assignedDepartmentIds: [] };
    const refused = await transitionTarget({ store: refusingAudit(store) }, { actor: editor, requestId: 'req-2' }, { documentId, action: 'submit', reason: null }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ message: 'audit entry refused' });
    expect([store.state().transitions.length, (await store.workflow.getTargetWorkflow(documentId)).status]).toEqual([0, 'draft']);

    await transitionTarget({ store }, { actor: editor, requestId: 'req-3' }, { documentId, action: 'submit', reason: null });
    const entry = store.state().audit.at(-1)!;
    expect([entry.action, entry.actor.username, (entry.before as { status: string }).status, (entry.after as { status: string }).status]).toEqual(['workflow.submit', 'li', 'draft', 'submitted']);
  });
});
