/**
 * Reading rectification items (整改): a scoped, paged list with the filters the page offers (status, overdue, unit),
 * one item with its history, evidence and the actions this person may take now, the open items results use asks about
 * (R11: unresolved rectification → reduce until fixed), and an attachment's bytes for its download.
 */
import type { RectificationDto, RectificationPageDto } from '@jixiao/contract';
import {
  availableRectificationActions,
  beijingDate,
  inScope,
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_TEXT_REQUIRED,
  type Actor,
  type RectificationStatus,
} from '@jixiao/core';
import { listScopeOf } from '../access/list-scope';
import { AppError } from '../errors';
import type { InScope } from '../ports';
import type { AttachmentStore, RectificationStore, StoredAttachment, StoredRectification } from './ports';
import { toAttachmentDto, toRectificationSummary, toRectificationTransitionDto } from './present';

export interface RectificationDeps {
  store: { rectifications: RectificationStore; attachments: AttachmentStore };
}

export interface ListRectificationsInput {
  status?: RectificationStatus;
  overdue?: boolean;
  departmentId?: number;
  search?: string;
  limit: number;
  offset: number;
}

export async function listRectifications(deps: RectificationDeps, actor: Actor, input: ListRectificationsInput, now: Date): Promise<RectificationPageDto> {
  const today = beijingDate(now);
  const { items, total } = await deps.store.rectifications.list({
    ...listScopeOf(actor),
    ...(input.status ? { status: input.status } : {}),
    ...(input.departmentId ? { departmentId: input.departmentId } : {}),
    ...(input.overdue ? { overdueOn: today } : {}),
    ...(input.search ? { search: input.search } : {}),
    limit: input.limit,
    offset: input.offset,
  });
  return { items: items.map((i) => toRectificationSummary(i, today)), total, today };
}

export async function getRectification(deps: RectificationDeps, actor: Actor, input: { id: number }, now: Date): Promise<RectificationDto> {
  const [item, history, files] = await Promise.all([
    deps.store.rectifications.get(input.id),
    deps.store.rectifications.listTransitions(input.id),
    deps.store.attachments.listFor('rectification', input.id),
  ]);
  // The route's access policy already checked the department; a direct call (CLI, tests) is held to the same.
  if (!inScope(actor, item.departmentId)) throw new AppError('NOT_FOUND', `整改事项 ${input.id} 不存在。`);
  const today = beijingDate(now);
  const byId = new Map(files.map((f) => [f.id, f]));
  return {
    ...toRectificationSummary(item, today),
    basis: item.basis,
    measures: item.measures,
    source: { ...item.source, label: RECTIFICATION_SOURCE_LABELS[item.source.kind] },
    round: item.round,
    revision: item.revision,
    createdBy: item.createdBy,
    createdAt: item.createdAt,
    issuedAt: item.issuedAt,
    verifiedAt: item.verifiedAt,
    actions: availableRectificationActions(item, actor).map((action) => ({ action, label: RECTIFICATION_ACTION_LABELS[action], textRequired: RECTIFICATION_TEXT_REQUIRED.includes(action) })),
    history: history.map((t) => toRectificationTransitionDto(t, byId)),
    attachments: files.map(toAttachmentDto),
  };
}

/**
 * The items still open (not 销号) for a department, a target document or a project (by its name), in the actor's
 * scope — what results use (R11) asks before suggesting next year's budget: 「有未整改完成的问题 → 整改到位前调减」.
 */
export function listOpenRectifications(deps: { store: { rectifications: RectificationStore } }, scope: InScope & { departmentId?: number; documentId?: number; projectName?: string }): Promise<StoredRectification[]> {
  return deps.store.rectifications.listOpen(scope);
}

/** Does this project (or department, or document) have rectification items not yet verified? */
export async function hasOpenRectifications(deps: { store: { rectifications: RectificationStore } }, scope: InScope & { departmentId?: number; documentId?: number; projectName?: string }): Promise<boolean> {
  return (await deps.store.rectifications.listOpen(scope)).length > 0;
}

/** An attachment and its bytes, for a download by someone who sees its owner's department (else NOT_FOUND, as if it did not exist). */
export async function getAttachmentFile(deps: RectificationDeps, actor: Actor, input: { id: number }): Promise<{ attachment: StoredAttachment; bytes: Uint8Array }> {
  const attachment = await deps.store.attachments.get(input.id);
  if (!inScope(actor, attachment.departmentId)) throw new AppError('NOT_FOUND', `佐证材料 ${input.id} 不存在。`);
  return { attachment, bytes: await deps.store.attachments.content(input.id) };
}
