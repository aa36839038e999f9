/**
 * Save a document edited in place on the review page (indicator names, target values, goal text) as a new version
 * of the same document, through the one write path `DocumentStore.saveImport` (one transaction). The file name is
 * kept (so the document keeps its identity, decision 005), the hash is the sha256 of the canonical JSON of the
 * content, and the edit must be based on the current version: a save based on an older one is refused (CONFLICT),
 * so nobody overwrites a newer import unseen. The reviewer's accept / dismiss decisions carry over as they do for a
 * re-import (review-state.ts); the answer is the review of the saved version.
 */
import type { DocumentReviewDto } from '@jixiao/contract';
import { chinaTime, decideTargetEdit, decideTargetEditByState, inferDirection, parseTarget, type Actor, type Indicator, type PerformanceDocument, type Target } from '@jixiao/core';
import { sha256Hex } from '@jixiao/formats';
import { recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import { loadReview, toReviewDto } from '../review/review-state';
import type { CommandDeps } from '../unit-of-work';
import { refusalError } from '../workflow/workflow-common';
import type { StoredTargetWorkflow } from '../workflow/ports';

export interface SaveEditedDocumentInput {
  documentId: number;
  /** The version the edits were made on. */
  baseVersion: number;
  document: PerformanceDocument;
}

/** JSON with object keys sorted and `undefined` members dropped: equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** The content that is hashed and compared: everything but `source` (which names the file and its hash). */
function contentHash(doc: PerformanceDocument): string {
  const { source: _source, ...content } = doc;
  return sha256Hex(new TextEncoder().encode(canonicalJson(content)));
}

const sameText = (a: Target | null, b: Target | null | undefined) => (a?.text ?? null) === (b?.text ?? null);

/**
 * An edited indicator's targets are read again from their text (R1), so what is stored never depends on what the
 * browser parsed; the direction follows. Indicators that were not edited are kept exactly as the reader read them.
 */
function settleIndicator(edited: Indicator, stored: Indicator | undefined): Indicator {
  if (stored && edited.name === stored.name && sameText(edited.periodTarget, stored.periodTarget) && sameText(edited.annualTarget, stored.annualTarget)) return edited;
  const periodTarget = parseTarget(edited.periodTarget?.text ?? null);
  const annualTarget = parseTarget(edited.annualTarget?.text ?? null);
  return { ...edited, name: edited.name.trim(), periodTarget, annualTarget, direction: inferDirection(edited.name, annualTarget ?? periodTarget) };
}

/** Each edited indicator against the stored one of the same number (indicators may be added, removed or moved). */
const settle = (list: Indicator[], before: readonly Indicator[] | undefined) => list.map((ind) => settleIndicator(ind, before?.find((b) => b.no === ind.no)));

function settleTargets(edited: PerformanceDocument, stored: PerformanceDocument): PerformanceDocument {
  return {
    ...edited,
    ...(edited.indicators ? { indicators: settle(edited.indicators, stored.indicators) } : {}),
    ...(edited.keyTasks ? { keyTasks: edited.keyTasks.map((t, k) => (t.indicators ? { ...t, indicators: settle(t.indicators, stored.keyTasks?.[k]?.indicators) } : t)) } : {}),
    units: edited.units.map((u, i) => ({
      ...u,
      projects: u.projects.map((p, j) => ({ ...p, indicators: settle(p.indicators, stored.units[i]?.projects[j]?.indicators) })),
    })),
  };
}

const refuseShape = () =>
  new AppError('BAD_INPUT', '在审核页可以修改指标（层级、名称、指标值，添加或删除指标）和绩效目标；文档类型、主管部门、年度和预算单位不能在这里修改，请重新导入文件。');

/** A save based on an older version: who made the newer one and when, so the person knows whom to ask (issue 5). */
function staleSave(current: { currentVersion: number; currentVersionBy: string | null; currentVersionAt: string | null }, baseVersion: number): AppError {
  const who = current.currentVersionBy ?? '他人（导入了新文件）';
  return new AppError(
    'CONFLICT',
    `保存未成功：这份绩效目标已由 ${who} 于 ${chinaTime(current.currentVersionAt)}（北京时间）修改并保存为第 ${current.currentVersion} 版，您的修改基于第 ${baseVersion} 版。请点「重新载入」查看最新内容后再修改（您这次的输入仍在页面上，可先复制）。`,
    { currentVersion: current.currentVersion, baseVersion, changedBy: current.currentVersionBy, changedAt: current.currentVersionAt },
  );
}

/** Under the import's row lock: still the base version, and the workflow lets this person edit (draft or returned). */
/** Who saves: their role and department must allow editing (decision 011); without a person only the state is checked. */
function editGuard(input: SaveEditedDocumentInput, actor: Actor | null): (current: StoredTargetWorkflow) => void {
  return (current) => {
    if (current.currentVersion !== input.baseVersion) throw staleSave(current, input.baseVersion);
    const decided = actor ? decideTargetEdit(current, actor) : decideTargetEditByState(current);
    if (!decided.ok) throw refusalError(decided, { by: current.updatedBy, at: current.updatedAt });
  };
}

/**
 * One change: the edit checked and settled before the transaction, then the new version (under the row lock, the
 * guard again), the review of the saved version and the audit entry naming both versions, in one transaction.
 */
export async function saveEditedDocument(deps: CommandDeps, who: ChangeContext, input: SaveEditedDocumentInput): Promise<DocumentReviewDto> {
  const { documentId, baseVersion } = input;
  const guard = editGuard(input, who.actor);
  const { summary, document: stored } = await deps.store.documents.getDocument(documentId);
  // Checked early for a quick answer, and again under the lock (two saves at once: exactly one wins).
  const workflow = await deps.store.workflow.getTargetWorkflow(documentId);
  if (summary.version !== baseVersion) throw staleSave(workflow, baseVersion);
  guard(workflow);
  const edited = input.document;
  // What identifies the document (decision 005) must stay, so the edit becomes a version of this document.
  if (
    edited.kind !== stored.kind ||
    edited.department !== stored.department ||
    edited.year !== stored.year ||
    edited.units.length !== stored.units.length ||
    edited.units.some((u, i) => u.name !== stored.units[i]?.name)
  ) {
    throw refuseShape();
  }

  const settled = settleTargets(edited, stored);
  if (contentHash(settled) === contentHash(stored)) return toReviewDto(await loadReview(deps, documentId));

  const fileName = summary.fileName ?? stored.source?.file ?? `${summary.title}.json`;
  const sha256 = contentHash(settled);
  const document: PerformanceDocument = { ...settled, source: { file: stored.source?.file ?? fileName, layout: stored.source?.layout ?? summary.layout, sha256 } };
  const year = summary.year ?? stored.year;
  if (year === null) throw new AppError('BAD_INPUT', '文档没有预算年度，无法保存修改。');
  const packed = deps.store.documents.packImport(document, year); // before the transaction (issue 12 item 7)
  return deps.store.transaction(async (tx) => {
    const outcome = await tx.documents.saveImport({ document, year, fileName, sha256, packed, createdBy: who.actor?.displayName ?? null, guard });
    if (outcome.documentId !== documentId) throw new AppError('CONFLICT', '保存的修改没有归入原文档，请重新加载页面后再试。', { documentId: outcome.documentId });
    const review = toReviewDto(await loadReview({ store: tx }, documentId));
    await recordChange(tx.audit, who, { action: 'document.edit', objectType: 'document', objectId: documentId, before: { version: baseVersion }, after: { version: review.document.version, conclusion: review.review.conclusion } });
    return review;
  });
}
