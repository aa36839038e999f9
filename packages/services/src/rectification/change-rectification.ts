/**
 * The changes of a rectification item (整改, issue 14 item 2; decision 032), one command each: create (typed by the
 * reviewer, or raised from a review finding or a monitoring red/yellow line), issue the notice (下发), the unit's
 * feedback with its evidence, verify (销号) and return (退回). The slow part first (reading the review or the
 * report, checking the files by content and hashing them), then in one transaction the scope check, the core's
 * decision under the item's row lock, the writes and the audit entry.
 */
import type { CreateRectificationRequest, RectificationDto, RectificationFromFindingRequest, RectificationFromMonitoringRequest } from '@jixiao/contract';
import {
  beijingDate,
  CHECK_LABELS,
  checkRectificationDraft,
  chinaTime,
  decideCreateRectification,
  decideRectificationTransition,
  EVIDENCE_LIMITS,
  LIGHT_NAMES,
  type RectificationAction,
  type RectificationDraft,
} from '@jixiao/core';
import { checkEvidenceFile } from '@jixiao/formats';
import { recordChange } from '../access/audit';
import { AppError } from '../errors';
import { getMonitoring } from '../monitoring/get-monitoring';
import type { MonitoringDeps } from '../monitoring/monitoring-state';
import { getReview } from '../review/get-review';
import type { ReviewDeps } from '../review/review-state';
import type { CommandDeps, Repositories } from '../unit-of-work';
import { actedBy } from '../workflow/ports';
import { refusalError, type ActingInput } from '../workflow/workflow-common';
import { getRectification } from './get-rectification';
import type { NewAttachment, StoredRectification } from './ports';

/** One file the unit gives as evidence. */
export interface EvidenceFile {
  fileName: string;
  bytes: Uint8Array;
}

async function createIn(tx: Repositories, who: ActingInput, draft: RectificationDraft, now: Date, issue: boolean): Promise<StoredRectification> {
  const allowed = decideCreateRectification(who.actor, draft.departmentId);
  if (!allowed.ok) throw refusalError(allowed);
  const problems = checkRectificationDraft(draft, beijingDate(now));
  if (problems.length > 0) throw new AppError('BAD_INPUT', problems.map((p) => p.message).join(''), { problems });
  if (draft.source.key !== null) {
    const same = await tx.rectifications.findBySource({ kind: draft.source.kind, documentId: draft.source.documentId, evaluationId: draft.source.evaluationId, key: draft.source.key });
    if (same) throw new AppError('CONFLICT', `这个问题已于 ${chinaTime(same.createdAt)} 由 ${same.createdBy} 登记为整改事项（编号 ${same.id}），不必重复登记。`, { rectificationId: same.id });
  }
  let item = await tx.rectifications.create(draft, actedBy(who.actor));
  await recordChange(tx.audit, who, { action: 'rectification.create', objectType: 'rectification', objectId: item.id, before: null, after: { ...draft, status: item.status } });
  if (issue) item = await moveIn(tx, who, { id: item.id, action: 'issue', revision: item.revision, text: null }, []);
  return item;
}

/** An item typed by the finance reviewer (an outside inspection's finding, an evaluation's, a self-evaluation's). */
export async function createRectification(deps: CommandDeps, who: ActingInput, input: CreateRectificationRequest, now: Date): Promise<RectificationDto> {
  const draft: RectificationDraft = {
    departmentId: input.departmentId,
    unitName: input.unitName,
    responsiblePerson: input.responsiblePerson,
    problem: input.problem,
    basis: input.basis,
    measures: input.measures,
    deadline: input.deadline,
    projectName: input.projectName ?? null,
    source: { kind: input.sourceKind, documentId: null, evaluationId: null, key: null, reference: input.sourceReference ?? null },
  };
  const item = await deps.store.transaction((tx) => createIn(tx, who, draft, now, input.issue === true));
  return getRectification(deps, who.actor, { id: item.id }, now);
}

/** From a finding of a target review: 问题 is the finding, 依据 its rule and evidence; the department is the document's. */
export async function createRectificationFromFinding(deps: CommandDeps & ReviewDeps, who: ActingInput, input: RectificationFromFindingRequest, now: Date): Promise<RectificationDto> {
  const review = await getReview(deps, { documentId: input.documentId });
  const found = review.findings.find((f) => f.finding.key === input.findingKey);
  if (!found) throw new AppError('NOT_FOUND', '审核结果中没有这条问题（可能已随新版本消失），请刷新审核页后再试。');
  if (found.status === 'dismissed') throw new AppError('CONFLICT', '这条问题已被驳回，不需要整改。');
  const f = found.finding;
  const where = [f.location.project, f.location.indicatorName].filter(Boolean).join(' · ');
  const draft: RectificationDraft = {
    departmentId: review.document.departmentId,
    unitName: input.unitName ?? f.location.unit ?? review.document.department ?? '',
    responsiblePerson: input.responsiblePerson,
    problem: where ? `${where}：${f.message}` : f.message,
    // In words (the check's name, what it saw, its suggestion); the rule set's id stays with the review, not on the page.
    basis: `${[`目标审核「${CHECK_LABELS[f.check]}」`, f.evidence, f.suggestion ? `建议：${f.suggestion}` : ''].filter(Boolean).map((t) => t.replace(/[。；\s]+$/, '')).join('；')}。`,
    measures: input.measures,
    deadline: input.deadline,
    projectName: f.location.project ?? null,
    source: { kind: 'review', documentId: input.documentId, evaluationId: null, key: input.findingKey, reference: `${review.document.title} 目标审核` },
  };
  const item = await deps.store.transaction((tx) => createIn(tx, who, draft, now, false));
  return getRectification(deps, who.actor, { id: item.id }, now);
}

/** From a red or yellow line of a monitoring report (R10): 问题 is the line and its lights' reasons, 依据 the rule. */
export async function createRectificationFromMonitoringLine(deps: CommandDeps & MonitoringDeps, who: ActingInput, input: RectificationFromMonitoringRequest, now: Date): Promise<RectificationDto> {
  const report = await getMonitoring(deps, { id: input.evaluationId });
  const lines = [...report.result.budgetLines, report.result.total, ...report.result.indicatorLines];
  const line = lines.find((l) => l.key === input.lineKey);
  if (!line) throw new AppError('NOT_FOUND', '监控结果中没有这一行，请刷新页面后再试。');
  if (line.light !== 'red' && line.light !== 'yellow') throw new AppError('BAD_INPUT', `「${line.label}」不是红灯或黄灯预警，不需要登记整改。`);
  const draft: RectificationDraft = {
    departmentId: report.document.departmentId,
    unitName: input.unitName ?? line.unit ?? report.document.department ?? '',
    responsiblePerson: input.responsiblePerson,
    problem: `运行监控（${report.period}）${LIGHT_NAMES[line.light]}：${line.label}`,
    // The rule set by its name, and why the light is what it is (the figures), as the report page says them.
    basis: `${report.ruleSet.title || report.ruleSet.name}：${line.reasons.join('')}`,
    measures: input.measures,
    deadline: input.deadline,
    projectName: line.project,
    source: { kind: 'monitoring', documentId: report.document.id, evaluationId: input.evaluationId, key: input.lineKey, reference: `${report.document.title} ${report.period} 运行监控` },
  };
  const item = await deps.store.transaction((tx) => createIn(tx, who, draft, now, false));
  return getRectification(deps, who.actor, { id: item.id }, now);
}

interface Move {
  id: number;
  action: RectificationAction;
  /** The item revision the page showed: a move on a stale page is refused, naming who moved it. */
  revision: number;
  text: string | null;
}

async function moveIn(tx: Repositories, who: ActingInput, move: Move, files: readonly NewAttachment[]): Promise<StoredRectification> {
  const { item, transition } = await tx.rectifications.transition(
    move.id,
    actedBy(who.actor),
    (current) => {
      const decided = decideRectificationTransition(current, { action: move.action, actor: who.actor, text: move.text });
      if (!decided.ok) throw refusalError(decided, { by: current.updatedBy, at: current.updatedAt });
      if (current.revision !== move.revision) {
        throw new AppError('CONFLICT', `未能办理：这项整改已由 ${current.updatedBy} 于 ${chinaTime(current.updatedAt)} 办理过（第 ${current.revision} 版），您看到的是第 ${move.revision} 版。请刷新页面后再办理。`, {
          revision: current.revision,
        });
      }
      return decided.record;
    },
    files,
  );
  await recordChange(tx.audit, who, {
    action: `rectification.${move.action}`,
    objectType: 'rectification',
    objectId: move.id,
    before: { status: transition.from },
    after: { status: item.status, revision: item.revision, transition: transition.id, text: transition.text, attachments: transition.attachmentIds },
  });
  return item;
}

/** 下发 / 销号 / 退回: the finance reviewer's steps. */
export async function moveRectification(deps: CommandDeps, who: ActingInput, input: { id: number; action: Exclude<RectificationAction, 'feedback'>; revision: number; text?: string | null }, now: Date): Promise<RectificationDto> {
  await deps.store.transaction((tx) => moveIn(tx, who, { id: input.id, action: input.action, revision: input.revision, text: input.text ?? null }, []));
  return getRectification(deps, who.actor, { id: input.id }, now);
}

/** Each file checked by content (a lying extension refused, naming the file) and hashed, before any transaction. */
export function checkEvidenceFiles(files: readonly EvidenceFile[]): Array<Omit<NewAttachment, 'ownerKind' | 'ownerId' | 'departmentId'>> {
  if (files.length > EVIDENCE_LIMITS.maxFilesPerChange) throw new AppError('BAD_INPUT', `一次最多上传 ${EVIDENCE_LIMITS.maxFilesPerChange} 个佐证文件（收到 ${files.length} 个），请合并或分次反馈。`);
  const problems: string[] = [];
  const checked = files.flatMap((file) => {
    const check = checkEvidenceFile(file);
    if (!check.ok) {
      problems.push(check.message);
      return [];
    }
    return [{ fileName: file.fileName, type: check.type, mediaType: check.mediaType, sha256: check.sha256, bytes: file.bytes }];
  });
  if (problems.length > 0) throw new AppError('BAD_INPUT', problems.join(''), { files: problems });
  return checked;
}

/** 反馈: the responsible unit's editor says what was done, with the evidence; the item goes to the reviewer. */
export async function feedbackRectification(deps: CommandDeps, who: ActingInput, input: { id: number; revision: number; text: string; files: readonly EvidenceFile[] }, now: Date): Promise<RectificationDto> {
  const files = checkEvidenceFiles(input.files).map((f) => ({ ...f, ownerKind: 'rectification' as const, ownerId: input.id, departmentId: null }));
  await deps.store.transaction((tx) => moveIn(tx, who, { id: input.id, action: 'feedback', revision: input.revision, text: input.text }, files));
  return getRectification(deps, who.actor, { id: input.id }, now);
}
