/**
 * The 整改通知书 of one item and the 整改情况报告 of a department as .docx (registered in the contract's OUTPUT_FORMATS),
 * from the stored items, their last feedback and their evidence. Reading only; the writers are in formats.
 */
import { beijingDate, isRectificationOverdue, RECTIFICATION_STATUS_LABELS, type RectificationSourceKind } from '@jixiao/core';
import { writeRectificationNotice, writeRectificationReport, type RectificationReportItem } from '@jixiao/formats';
import type { RectificationDeps } from './get-rectification';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ISSUER = '区财政局';

/** 「经…发现」: how the notice names where the problem was found. */
const FOUND_BY: Record<RectificationSourceKind, string> = { review: '绩效目标审核', monitoring: '绩效运行监控', 'self-evaluation': '绩效自评', evaluation: '绩效评价', inspection: '检查' };

export interface RectificationFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Who may read it was decided before (the route's access policy, the output job's scope check). */
export async function renderRectificationNotice(deps: RectificationDeps, input: { id: number; date: string }): Promise<RectificationFile> {
  const item = await deps.store.rectifications.get(input.id);
  const date = item.issuedAt ? beijingDate(new Date(item.issuedAt)) : input.date;
  const bytes = await writeRectificationNotice({
    number: `整改〔${date.slice(0, 4)}〕${item.id}号`,
    issuer: ISSUER,
    unitName: item.unitName,
    department: item.department,
    responsiblePerson: item.responsiblePerson,
    problem: item.problem,
    basis: item.basis,
    measures: item.measures,
    deadline: item.deadline,
    foundBy: FOUND_BY[item.source.kind],
    sourceReference: item.source.reference,
    projectName: item.projectName,
    date,
  });
  return { fileName: `整改通知书-${item.id}-${item.unitName}.docx`, mediaType: DOCX, bytes };
}

/** Most items one report lists: a district's year fits many times over. */
const REPORT_LIMIT = 500;

/** One department's items as of `date` (Beijing); who may read it was decided before. */
export async function renderRectificationReport(deps: RectificationDeps, input: { departmentId: number; date: string }): Promise<RectificationFile> {
  const today = input.date;
  const { items } = await deps.store.rectifications.list({ departmentId: input.departmentId, limit: REPORT_LIMIT, offset: 0 });
  const ordered = [...items].reverse();
  const rows: RectificationReportItem[] = [];
  for (const item of ordered) {
    const [history, files] = await Promise.all([deps.store.rectifications.listTransitions(item.id), deps.store.attachments.listFor('rectification', item.id)]);
    const feedback = history.filter((t) => t.action === 'feedback').at(-1) ?? null;
    rows.push({
      number: item.id,
      unitName: item.unitName,
      responsiblePerson: item.responsiblePerson,
      problem: item.problem,
      measures: item.measures,
      deadline: item.deadline,
      statusLabel: RECTIFICATION_STATUS_LABELS[item.status],
      overdue: isRectificationOverdue(item, today),
      feedback: feedback?.text ?? null,
      evidence: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
      verifiedAt: item.verifiedAt ? beijingDate(new Date(item.verifiedAt)) : null,
    });
  }
  const scope = ordered[0]?.department ?? '本部门';
  const bytes = await writeRectificationReport({ scope, issuer: ISSUER, date: today, items: rows });
  return { fileName: `整改情况报告-${scope}-${today}.docx`, mediaType: DOCX, bytes };
}
