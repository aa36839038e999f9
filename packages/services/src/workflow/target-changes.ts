/**
 * 目标调整 side by side (issue 14 item 6): while an adjustment of approved targets is drafted or reviewed, what it
 * changes against the approved version (core `compareTargets`) and the reason the unit gave when it asked. The
 * approved version stays in force until the adjustment is approved (decision 011).
 */
import type { TargetChangesDto } from '@jixiao/contract';
import { CHANGE_LABELS, compareTargets } from '@jixiao/core';
import type { DocumentStore } from '../ports';
import type { WorkflowStore } from './ports';

export async function getTargetChanges(deps: { store: { documents: DocumentStore; workflow: WorkflowStore } }, documentId: number): Promise<TargetChangesDto> {
  const state = await deps.store.workflow.getTargetWorkflow(documentId);
  const base = { documentId, approvedVersion: state.approvedVersion, currentVersion: state.currentVersion };
  if (!state.adjustment || state.approvedVersion === null) {
    return { ...base, adjustment: false, reason: null, requestedBy: null, requestedAt: null, counts: { added: 0, removed: 0, changed: 0 }, changes: [] };
  }
  const [approved, current, history] = await Promise.all([
    deps.store.documents.getDocument(documentId, state.approvedVersion),
    deps.store.documents.getDocument(documentId, state.currentVersion),
    deps.store.workflow.listTransitions('document', documentId),
  ]);
  const request = history.filter((t) => t.action === 'request-adjustment').at(-1);
  const { changes, counts } = compareTargets(approved.document, current.document);
  return {
    ...base,
    adjustment: true,
    reason: request?.reason ?? null,
    requestedBy: request?.by.displayName ?? null,
    requestedAt: request?.at ?? null,
    counts,
    changes: changes.map((c) => ({ ...c, kindLabel: CHANGE_LABELS[c.kind] })),
  };
}
