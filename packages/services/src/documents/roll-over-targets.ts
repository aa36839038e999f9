/**
 * 结转 (issue 13 item 6): the approved targets of year N become a new draft for year N+1 (core `rolloverTargets`
 * decides what carries over), stored through the one write path as a new document of the next year — the same file
 * name, so it is recognised as this document's successor — and audited, in one transaction. Whoever may import for
 * the department may roll its targets over; a next-year document that already exists is never overwritten.
 */
import { decideRollover, rolloverTargets, TARGET_STATUS_LABELS, type Actor, type DocumentKind } from '@jixiao/core';
import { sha256Hex } from '@jixiao/formats';
import { changedBy, recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { refusalError } from '../workflow/workflow-common';
import { canonicalJson } from './save-edited-document';

/** Who the command line acts as: the operator, who administers the whole district (decision 010). */
const OPERATOR: Actor = { userId: 0, username: 'cli', displayName: '命令行', role: 'admin', departmentId: null, assignedDepartmentIds: [] };

export interface RollOverInput {
  documentId: number;
  /** Default: the year after the document's. */
  toYear?: number;
  keepAmounts: boolean;
}

export interface RollOverResult {
  /** The new draft. */
  documentId: number;
  version: number;
  year: number;
  kind: DocumentKind;
  department: string | null;
  /** The approved version it was made from. */
  from: { documentId: number; version: number; year: number | null };
  keepAmounts: boolean;
  projectCount: number;
  indicatorCount: number;
}

export async function rollOverTargets(deps: CommandDeps, who: ChangeContext, input: RollOverInput): Promise<RollOverResult> {
  const state = await deps.store.workflow.getTargetWorkflow(input.documentId);
  // The command line acts for the operator, who may roll over any department's approved targets.
  const allowed = decideRollover(state, who.actor ?? OPERATOR);
  if (!allowed.ok) throw refusalError(allowed);
  const approvedVersion = allowed.version;
  const { summary, document } = await deps.store.documents.getDocument(input.documentId, approvedVersion);
  const fromYear = summary.year ?? document.year;
  if (input.toYear === undefined && fromYear === null) throw new AppError('BAD_INPUT', '这份绩效目标没有写明预算年度，请指定结转到哪一年度（--to-year，或在页面上填写）。');
  const toYear = input.toYear ?? fromYear! + 1;
  const rolled = rolloverTargets({ ...document, year: fromYear }, { toYear, keepAmounts: input.keepAmounts });
  if (!rolled.ok) throw refusalError(rolled);
  const next = rolled.document;
  // The same file name: the next year's document is recognised as this one's successor (decision 005).
  const fileName = summary.fileName ?? `${summary.title}.json`;
  const sha256 = sha256Hex(new TextEncoder().encode(canonicalJson({ ...next, source: undefined })));
  const packed = deps.store.documents.packImport(next, toYear); // before the transaction (issue 12 item 7)
  return deps.store.transaction(async (tx) => {
    const outcome = await tx.documents.saveImport({
      document: next,
      year: toYear,
      packed,
      fileName,
      sha256,
      createdBy: changedBy(who),
      guard: (existing) => {
        throw new AppError(
          'CONFLICT',
          `${toYear} 年度已有这份绩效目标（第 ${existing.currentVersion} 版，「${TARGET_STATUS_LABELS[existing.status]}」），不能再结转，以免覆盖已填写的内容；请直接打开它修改。`,
          { documentId: existing.documentId },
        );
      },
    });
    if (outcome.status !== 'created') {
      throw new AppError('CONFLICT', `${toYear} 年度已有这份绩效目标（编号 ${outcome.documentId}，内容与结转结果相同），无需再结转；请直接打开它修改。`, { documentId: outcome.documentId });
    }
    const result: RollOverResult = {
      documentId: outcome.documentId,
      version: outcome.version,
      year: toYear,
      kind: next.kind,
      department: summary.department,
      from: { documentId: input.documentId, version: approvedVersion, year: fromYear },
      keepAmounts: input.keepAmounts,
      projectCount: outcome.projectCount,
      indicatorCount: outcome.indicatorCount,
    };
    await recordChange(tx.audit, who, { action: 'document.rollover', objectType: 'document', objectId: outcome.documentId, before: null, after: result });
    return result;
  });
}
