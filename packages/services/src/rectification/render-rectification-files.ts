/**
 * The 整改通知书 of one item and the 整改情况报告 of a department (or of everything in the actor's scope) as .docx,
 * from the stored items, their last feedback and their evidence. Reading only; the writers are in formats.
 */
import { beijingDate, inScope, isRectificationOverdue, RECTIFICATION_STATUS_LABELS, type Actor, type RectificationSourceKind } from '@jixiao/core';
import { writeRectificationNotice, writeRectificationReport, type RectificationReportItem } from '@jixiao/formats';
import { listScopeOf } from '../access/list-scope';
import { AppError } from '../errors';
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

export async function renderRectificationNotice(deps: RectificationDeps, actor: Actor, input: { id: number }, now: Date): Promise<RectificationFile> {
  const item = await deps.store.rectifications.get(input.id);
  if (!inScope(actor, item.departmentId)) throw new AppError('NOT_FOUND', `整改事项 ${input.id} 不存在。`);
  const date = item.issuedAt ? beijingDate(new Date(item.issuedAt)) : beijingDate(now);
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

export async function renderRectificationReport(deps: RectificationDeps, actor: Actor, input: { departmentId?: number }, now: Date): Promise<RectificationFile> {
  const today = beijingDate(now);
  const { items } = await deps.store.rectifications.list({ ...listScopeOf(actor), ...(input.departmentId ? { departmentId: input.departmentId } : {}), limit: REPORT_LIMIT, offset: 0 });
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
  const scope = input.departmentId ? (ordered[0]?.department ?? '本部门') : actor.departmentId === null ? '全区' : (ordered[0]?.department ?? '本部门');
  const bytes = await writeRectificationReport({ scope, issuer: ISSUER, date: today, items: rows });
  return { fileName: `整改情况报告-${scope}-${today}.docx`, mediaType: DOCX, bytes };
}
