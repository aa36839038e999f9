/**
 * `RectificationStore` and `AttachmentStore` on drizzle (schema `rectification_items`, `rectification_transitions`,
 * `attachments`; decision 032). A move is one transaction that locks the item's row, reads it, lets the core decide
 * (synchronously) and writes the item, its attachments and the transition; the history tables are append-only.
 */
import type { RectificationDraft, RectificationRecord } from '@jixiao/core';
import { OPEN_RECTIFICATION_STATUSES } from '@jixiao/core';
import {
  AppError,
  type ActedBy,
  type AttachmentStore,
  type InScope,
  type NewAttachment,
  type RectificationQuery,
  type RectificationStore,
  type StoredAttachment,
  type StoredRectification,
  type StoredRectificationTransition,
} from '@jixiao/services';
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { attachments, departments, rectificationItems, rectificationTransitions } from './schema';
import { utcIso } from './sql-values';

const { content: _content, ...attachmentColumns } = getTableColumns(attachments);

const itemSelection = {
  ...getTableColumns(rectificationItems),
  department: departments.name,
  createdAt: sql<string>`${utcIso('rectification_items.created_at')}`,
  updatedAt: sql<string>`${utcIso('rectification_items.updated_at')}`,
  issuedAt: sql<string | null>`${utcIso('rectification_items.issued_at')}`,
  verifiedAt: sql<string | null>`${utcIso('rectification_items.verified_at')}`,
};
type ItemRow = Omit<typeof rectificationItems.$inferSelect, 'createdAt' | 'updatedAt' | 'issuedAt' | 'verifiedAt'> & {
  department: string | null;
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
  verifiedAt: string | null;
};

function toItem(r: ItemRow): StoredRectification {
  return {
    id: r.id,
    departmentId: r.departmentId,
    department: r.department,
    unitName: r.unitName,
    responsiblePerson: r.responsiblePerson,
    problem: r.problem,
    basis: r.basis,
    measures: r.measures,
    deadline: r.deadline,
    projectName: r.projectName,
    source: { kind: r.sourceKind, documentId: r.sourceDocumentId, evaluationId: r.sourceEvaluationId, key: r.sourceKey, reference: r.sourceReference },
    status: r.status,
    round: r.round,
    revision: r.revision,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
    issuedAt: r.issuedAt,
    verifiedAt: r.verifiedAt,
  };
}

const transitionSelection = { ...getTableColumns(rectificationTransitions), at: sql<string>`${utcIso('at')}` };
type TransitionRow = Omit<typeof rectificationTransitions.$inferSelect, 'at'> & { at: string };

const toTransition = (r: TransitionRow): StoredRectificationTransition => ({
  id: r.id,
  itemId: r.itemId,
  action: r.action as RectificationRecord['action'],
  from: r.fromStatus as RectificationRecord['from'],
  to: r.toStatus as RectificationRecord['to'],
  text: r.text,
  round: r.round,
  attachmentIds: r.attachmentIds,
  by: { username: r.actorUsername, displayName: r.actorDisplayName, role: r.actorRole },
  at: r.at,
});

const attachmentSelection = { ...attachmentColumns, at: sql<string>`${utcIso('at')}` };
type AttachmentRow = Omit<typeof attachments.$inferSelect, 'at' | 'content'> & { at: string };

const toAttachment = (r: AttachmentRow): StoredAttachment => ({
  id: r.id,
  ownerKind: r.ownerKind,
  ownerId: r.ownerId,
  departmentId: r.departmentId,
  fileName: r.fileName,
  type: r.type,
  mediaType: r.mediaType,
  size: r.size,
  sha256: r.sha256,
  by: { username: r.actorUsername, displayName: r.actorDisplayName, role: r.actorRole },
  at: r.at,
});

function scopeWhere(scope: InScope): SQL | undefined {
  if (scope.inDepartments === undefined) return undefined;
  return scope.inDepartments.length === 0 ? sql`false` : inArray(rectificationItems.departmentId, [...scope.inDepartments]);
}

function selectItems(db: Db) {
  return db.select(itemSelection).from(rectificationItems).leftJoin(departments, eq(departments.id, rectificationItems.departmentId));
}

async function readItem(db: Db, id: number): Promise<StoredRectification> {
  const rows = await selectItems(db).where(eq(rectificationItems.id, id));
  if (!rows[0]) throw new AppError('NOT_FOUND', `整改事项 ${id} 不存在。`);
  return toItem(rows[0]);
}

async function insertAttachment(db: Db, a: NewAttachment, by: ActedBy): Promise<StoredAttachment> {
  const rows = await db
    .insert(attachments)
    .values({
      ownerKind: a.ownerKind,
      ownerId: a.ownerId,
      departmentId: a.departmentId,
      fileName: a.fileName,
      type: a.type,
      mediaType: a.mediaType,
      size: a.bytes.byteLength,
      sha256: a.sha256,
      content: a.bytes,
      actorUsername: by.username,
      actorDisplayName: by.displayName,
      actorRole: by.role,
    })
    .returning(attachmentSelection);
  return toAttachment(rows[0]!);
}

export function createRectificationStore(db: Db): RectificationStore {
  return {
    async create(draft: RectificationDraft, by) {
      const rows = await db
        .insert(rectificationItems)
        .values({
          departmentId: draft.departmentId,
          unitName: draft.unitName.trim(),
          responsiblePerson: draft.responsiblePerson.trim(),
          problem: draft.problem.trim(),
          basis: draft.basis.trim(),
          measures: draft.measures.trim(),
          deadline: draft.deadline,
          projectName: draft.projectName?.trim() || null,
          sourceKind: draft.source.kind,
          sourceDocumentId: draft.source.documentId,
          sourceEvaluationId: draft.source.evaluationId,
          sourceKey: draft.source.key,
          sourceReference: draft.source.reference?.trim() || null,
          createdBy: by.displayName,
          updatedBy: by.displayName,
        })
        .returning({ id: rectificationItems.id });
      return readItem(db, rows[0]!.id);
    },

    get: (id) => readItem(db, id),

    async list(query: RectificationQuery) {
      const conditions = [
        scopeWhere(query),
        query.status ? eq(rectificationItems.status, query.status) : undefined,
        query.departmentId ? eq(rectificationItems.departmentId, query.departmentId) : undefined,
        query.overdueOn ? and(inArray(rectificationItems.status, ['issued', 'returned']), lt(rectificationItems.deadline, query.overdueOn)) : undefined,
        query.search
          ? or(
              ilike(rectificationItems.problem, `%${query.search}%`),
              ilike(rectificationItems.unitName, `%${query.search}%`),
              ilike(rectificationItems.projectName, `%${query.search}%`),
            )
          : undefined,
      ].filter((c): c is SQL => c !== undefined);
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [rows, totals] = await Promise.all([
        selectItems(db).where(where).orderBy(desc(rectificationItems.id)).limit(query.limit).offset(query.offset),
        db.select({ n: count() }).from(rectificationItems).where(where),
      ]);
      return { items: rows.map(toItem), total: Number(totals[0]?.n ?? 0) };
    },

    async listOpen(scope) {
      const conditions = [
        scopeWhere(scope),
        inArray(rectificationItems.status, [...OPEN_RECTIFICATION_STATUSES]),
        scope.departmentId ? eq(rectificationItems.departmentId, scope.departmentId) : undefined,
        scope.documentId ? eq(rectificationItems.sourceDocumentId, scope.documentId) : undefined,
        scope.projectName ? eq(rectificationItems.projectName, scope.projectName) : undefined,
      ].filter((c): c is SQL => c !== undefined);
      const rows = await selectItems(db)
        .where(and(...conditions))
        .orderBy(asc(rectificationItems.deadline), asc(rectificationItems.id));
      return rows.map(toItem);
    },

    async findBySource(source) {
      const rows = await selectItems(db)
        .where(
          and(
            eq(rectificationItems.sourceKind, source.kind),
            source.documentId === null ? isNull(rectificationItems.sourceDocumentId) : eq(rectificationItems.sourceDocumentId, source.documentId),
            source.evaluationId === null ? isNull(rectificationItems.sourceEvaluationId) : eq(rectificationItems.sourceEvaluationId, source.evaluationId),
            eq(rectificationItems.sourceKey, source.key),
          ),
        )
        .orderBy(desc(rectificationItems.id))
        .limit(1);
      return rows[0] ? toItem(rows[0]) : null;
    },

    transition(id, by, decide, files) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select id from rectification_items where id = ${id} for update`);
        const item = await readItem(tx, id);
        const record = decide(item);
        const stored: StoredAttachment[] = [];
        for (const file of files) stored.push(await insertAttachment(tx, { ...file, ownerKind: 'rectification', ownerId: id, departmentId: item.departmentId }, by));
        await tx
          .update(rectificationItems)
          .set({
            status: record.to,
            round: record.round,
            revision: sql`${rectificationItems.revision} + 1`,
            updatedBy: by.displayName,
            updatedAt: sql`now()`,
            ...(record.action === 'issue' ? { issuedAt: sql`now()` } : {}),
            ...(record.action === 'verify' ? { verifiedAt: sql`now()` } : {}),
          })
          .where(eq(rectificationItems.id, id));
        const rows = await tx
          .insert(rectificationTransitions)
          .values({
            itemId: id,
            action: record.action,
            fromStatus: record.from,
            toStatus: record.to,
            text: record.text,
            round: record.round,
            attachmentIds: stored.map((a) => a.id),
            actorUsername: by.username,
            actorDisplayName: by.displayName,
            actorRole: by.role,
          })
          .returning(transitionSelection);
        return { item: await readItem(tx, id), transition: toTransition(rows[0]!) };
      });
    },

    async listTransitions(id) {
      const rows = await db.select(transitionSelection).from(rectificationTransitions).where(eq(rectificationTransitions.itemId, id)).orderBy(asc(rectificationTransitions.id));
      return rows.map(toTransition);
    },
  };
}

export function createAttachmentStore(db: Db): AttachmentStore {
  return {
    add: (attachment, by) => insertAttachment(db, attachment, by),
    async listFor(ownerKind, ownerId) {
      const rows = await db
        .select(attachmentSelection)
        .from(attachments)
        .where(and(eq(attachments.ownerKind, ownerKind), eq(attachments.ownerId, ownerId)))
        .orderBy(asc(attachments.id));
      return rows.map(toAttachment);
    },
    async get(id) {
      const rows = await db.select(attachmentSelection).from(attachments).where(eq(attachments.id, id));
      if (!rows[0]) throw new AppError('NOT_FOUND', `佐证材料 ${id} 不存在。`);
      return toAttachment(rows[0]);
    },
    async content(id) {
      const rows = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id));
      if (!rows[0]) throw new AppError('NOT_FOUND', `佐证材料 ${id} 不存在。`);
      return rows[0].content;
    },
  };
}
