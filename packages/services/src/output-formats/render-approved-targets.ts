/**
 * The official files of approved targets (decision 034): the 绩效目标表 (.xlsx, .docx) and the finance bureau's 批复
 * notice (.docx, the table attached). They are made from the approved version only — the one the workflow froze,
 * or an earlier version the history shows approved — so a draft or a version never approved is refused with a
 * Chinese sentence saying what to do. The approval's date and who approved it come from the workflow history.
 */
import { TARGET_STATUS_LABELS, type PerformanceDocument } from '@jixiao/core';
import { writeApprovalNotice, writeTargetTable, writeTargetTableDocx, type TargetApproval } from '@jixiao/formats';
import { AppError } from '../errors';
import type { DocumentStore } from '../ports';
import { chinaDate } from '../review/write-review-opinion';
import { regionOf } from '../self-evaluation/render-self-evaluation-table';
import type { StoredTransition, WorkflowStore } from '../workflow/ports';
import { assertFormatFits, EXPORT_FORMATS, exportFileName, type RenderedFile } from './render-formats';

export type ApprovedTargetsFormat = 'target-table' | 'target-table-docx' | 'approval-notice';

export interface ApprovedTargetsDeps {
  store: { documents: DocumentStore; workflow: WorkflowStore };
}

export interface RenderApprovedTargetsInput {
  documentId: number;
  format: ApprovedTargetsFormat;
  /** An approved version; default: the one in force. */
  version?: number | undefined;
  /** The notice's 发文机关; default: the district's 财政局 read from the department's name. */
  issuer?: string | undefined;
  /** The district in the tables' titles; default: read from the department's name. */
  region?: string | undefined;
}

/** `广州市荔湾区人民政府花地街道办事处` → `广州市荔湾区财政局`: the finance bureau of the unit's district. */
export function financeBureauOf(department: string | null): string | undefined {
  const district = department ? /^(\p{Script=Han}{2,6}?市\p{Script=Han}{1,5}?[区县])/u.exec(department)?.[1] : undefined;
  return district ? `${district}财政局` : undefined;
}

const FILE_WHAT: Record<ApprovedTargetsFormat, string> = { 'target-table': '绩效目标表', 'target-table-docx': '绩效目标表', 'approval-notice': '绩效目标批复通知' };

/** The approved version asked for (default: the one in force) with its 批复 from the history; refuses anything else. */
export async function approvedVersionOf(deps: ApprovedTargetsDeps, input: { documentId: number; version?: number | undefined; what: string }): Promise<TargetApproval> {
  const state = await deps.store.workflow.getTargetWorkflow(input.documentId);
  const history = await deps.store.workflow.listTransitions('document', input.documentId);
  const approvals = history.filter((t) => t.action === 'approve');
  if (state.approvedVersion === null) {
    throw new AppError(
      'CONFLICT',
      `文档 ${input.documentId} 的绩效目标尚未批复（当前为「${TARGET_STATUS_LABELS[state.status]}」，第 ${state.currentVersion} 版）：${input.what}只能由财政部门批复的版本生成，请在批复后再下载。`,
      { documentId: input.documentId, status: state.status },
    );
  }
  const version = input.version ?? state.approvedVersion;
  const approval: StoredTransition | undefined = approvals.filter((t) => t.version === version).at(-1);
  if (version !== state.approvedVersion && !approval) {
    const approved = [...new Set([...approvals.map((t) => t.version), state.approvedVersion])].sort((a, b) => a - b).map((v) => `第 ${v} 版`).join('、');
    throw new AppError('CONFLICT', `文档 ${input.documentId} 的第 ${version} 版没有经过批复，不能生成${input.what}；已批复的版本：${approved}。`, { documentId: input.documentId, version });
  }
  return {
    version,
    approvedOn: approval ? chinaDate(new Date(approval.at)) : null,
    approvedBy: approval?.by.displayName ?? null,
    conclusion: approval?.conclusion ?? null,
  };
}

export async function renderApprovedTargets(deps: ApprovedTargetsDeps, input: RenderApprovedTargetsInput): Promise<RenderedFile & { format: ApprovedTargetsFormat }> {
  const what = EXPORT_FORMATS[input.format].label;
  const approval = await approvedVersionOf(deps, { documentId: input.documentId, version: input.version, what });
  const { summary, document: stored } = await deps.store.documents.getDocument(input.documentId, approval.version);
  assertFormatFits(stored, input.documentId, input.format);
  // The year the document is filed under (the import names it when the file does not).
  const document: PerformanceDocument = { ...stored, year: summary.year ?? stored.year };
  const region = input.region ?? regionOf(document.department);
  const tableInput = { document, approval, ...(region ? { region } : {}) };
  const bytes =
    input.format === 'target-table'
      ? await writeTargetTable(tableInput)
      : input.format === 'target-table-docx'
        ? await writeTargetTableDocx(tableInput)
        : await writeApprovalNotice({ ...tableInput, issuer: input.issuer ?? financeBureauOf(document.department) ?? '＿＿＿＿财政局' });
  return { format: input.format, fileName: exportFileName(document, FILE_WHAT[input.format], input.format), mediaType: EXPORT_FORMATS[input.format].mediaType, bytes };
}
