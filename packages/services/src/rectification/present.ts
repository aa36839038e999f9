/** The wire shapes of rectification items and their evidence, with the Chinese labels (decision 021: presenters build DTOs from the store's records). */
import type { AttachmentDto, RectificationSummaryDto, RectificationTransitionDto } from '@jixiao/contract';
import { EVIDENCE_TYPES, isRectificationOverdue, RECTIFICATION_ACTION_LABELS, RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS, rectificationDaysLeft, ROLE_LABELS, type Role } from '@jixiao/core';
import type { StoredAttachment, StoredRectification, StoredRectificationTransition } from './ports';

export const attachmentUrl = (id: number) => `/api/attachments/${id}`;

export function toAttachmentDto(a: StoredAttachment): AttachmentDto {
  return { id: a.id, fileName: a.fileName, type: a.type, typeLabel: EVIDENCE_TYPES[a.type].label, size: a.size, sha256: a.sha256, by: a.by.displayName, at: a.at, url: attachmentUrl(a.id) };
}

export function toRectificationSummary(item: StoredRectification, today: string): RectificationSummaryDto {
  return {
    id: item.id,
    departmentId: item.departmentId,
    department: item.department,
    unitName: item.unitName,
    responsiblePerson: item.responsiblePerson,
    problem: item.problem,
    projectName: item.projectName,
    deadline: item.deadline,
    status: item.status,
    statusLabel: RECTIFICATION_STATUS_LABELS[item.status],
    sourceKind: item.source.kind,
    sourceLabel: RECTIFICATION_SOURCE_LABELS[item.source.kind],
    daysLeft: rectificationDaysLeft(item, today),
    overdue: isRectificationOverdue(item, today),
    updatedAt: item.updatedAt,
  };
}

export function toRectificationTransitionDto(t: StoredRectificationTransition, files: ReadonlyMap<number, StoredAttachment>): RectificationTransitionDto {
  return {
    id: t.id,
    action: t.action,
    actionLabel: RECTIFICATION_ACTION_LABELS[t.action],
    from: t.from,
    fromLabel: RECTIFICATION_STATUS_LABELS[t.from],
    to: t.to,
    toLabel: RECTIFICATION_STATUS_LABELS[t.to],
    text: t.text,
    round: t.round,
    attachments: t.attachmentIds.flatMap((id) => {
      const file = files.get(id);
      return file ? [toAttachmentDto(file)] : [];
    }),
    by: { displayName: t.by.displayName, roleLabel: ROLE_LABELS[t.by.role as Role] ?? '—' },
    at: t.at,
  };
}
