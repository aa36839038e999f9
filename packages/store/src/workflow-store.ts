/**
 * `WorkflowStore` on drizzle (schema `document_workflow`, `workflow_transitions`, `period_locks`, `publications`;
 * decision 011). Every change is one transaction that first locks the object's row (`documents` for a target
 * document — the same row an import or an edit locks — or `evaluations`), then reads the state, lets the core decide
 * (synchronously: nothing slow is awaited inside, decision 001) and writes the state and the history. Two people
 * acting at once are therefore serialised: the second one is decided on the state the first one left.
 */
import type { PeriodLock, TransitionRecord } from '@jixiao/core';
import {
  AppError,
  type ActedBy,
  type InScope,
  type PublicQuery,
  type PublishedItem,
  type StoredEvaluationWorkflow,
  type StoredTargetWorkflow,
  type StoredTransition,
  type WorkflowStore,
} from '@jixiao/services';
import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from './db';
import { intArray } from './sql-arrays';
import { periodLocks, workflowTransitions, type departments, type documents, type documentVersions, type documentWorkflow, type evaluationScores, type evaluations, type publications } from './schema';
import type { As, Outer, SqlRow } from './sql-row';
import { unpackContent } from './stored-content';
import { utcIso } from './sql-values';


/** An arbitrary constant: the advisory lock that serialises period lock changes. */
const PERIOD_LOCK_KEY = 7_402_114;

type DocumentRow = SqlRow<typeof documents>;
type VersionRow = SqlRow<typeof documentVersions>;
/** The latest publication of an object, left-joined: none yet is all null. */
type LatestPublication = Outer<As<SqlRow<typeof publications>, { published_version: 'version'; published_by: 'actor_display_name'; published_at: 'at' }>>;

/** A document, who made its current version and when, its workflow row (none while it never moved) and its publication. */
type TargetRow = As<DocumentRow, { document_id: 'id'; department_id: 'department_id'; current_version: 'current_version' }> &
  As<VersionRow, { current_by: 'created_by'; current_at: 'imported_at' }> &
  Outer<
    Pick<SqlRow<typeof documentWorkflow>, 'status' | 'round' | 'status_version' | 'approved_version' | 'adjustment' | 'revision' | 'updated_by' | 'updated_at'>
  > &
  LatestPublication;

function toTarget(r: TargetRow): StoredTargetWorkflow {
  return {
    documentId: r.document_id,
    departmentId: r.department_id,
    status: r.status ?? 'draft',
    round: r.round ?? 1,
    statusVersion: r.status_version ?? r.current_version,
    currentVersion: r.current_version,
    approvedVersion: r.approved_version,
    adjustment: r.adjustment ?? false,
    revision: r.revision ?? 0,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    currentVersionBy: r.current_by,
    currentVersionAt: r.current_at,
    publishedVersion: r.published_version,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  };
}

/** An evaluation, its document's department and its latest publication. */
type EvaluationRow = As<SqlRow<typeof evaluations>, { evaluation_id: 'id' }> &
  Pick<SqlRow<typeof evaluations>, 'document_id' | 'kind' | 'period' | 'status' | 'revision' | 'updated_by' | 'updated_at'> &
  Pick<DocumentRow, 'department_id'> &
  Pick<LatestPublication, 'published_by' | 'published_at'>;

function toEvaluation(r: EvaluationRow): StoredEvaluationWorkflow {
  return {
    evaluationId: r.evaluation_id,
    documentId: r.document_id,
    departmentId: r.department_id,
    kind: r.kind,
    period: r.period,
    status: r.status,
    revision: r.revision,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  };
}

/** Transitions and period locks are plain one-table statements: drizzle's typed builder, the time as UTC text. */
const transitionSelection = { ...getTableColumns(workflowTransitions), at: sql<string>`${utcIso('at')}` };
type TransitionRow = Omit<typeof workflowTransitions.$inferSelect, 'at'> & { at: string };

function toTransition(r: TransitionRow): StoredTransition {
  return {
    id: r.id,
    objectType: r.objectType,
    objectId: r.objectId,
    action: r.action,
    from: r.fromStatus,
    to: r.toStatus,
    reason: r.reason,
    conclusion: r.conclusion,
    round: r.round,
    version: r.version,
    by: { username: r.actorUsername, displayName: r.actorDisplayName, role: r.actorRole },
    at: r.at,
  };
}

const lockSelection = { period: periodLocks.period, locked: periodLocks.locked, reason: periodLocks.reason, by: periodLocks.actorDisplayName, at: sql<string>`${utcIso('at')}` };

/** The object's latest publication row, unless that row is a withdrawal (then nothing is public). */
const latestPublication = (type: 'targets' | 'self-evaluation', objectId: SQL) =>
  sql`left join lateral (select latest.* from (select p.version, p.actor_display_name, p.at, p.withdrawn from publications p
        where p.object_type = ${type} and p.object_id = ${objectId} order by p.id desc limit 1) latest where not latest.withdrawn) pub on true`;

/** A document's workflow row beside what a list of work shows of the document (title, kind, department, year). */
type ListedTargetRow = TargetRow & Pick<DocumentRow, 'title' | 'kind' | 'year'> & Outer<As<SqlRow<typeof departments>, { department: 'name' }>>;

/** Target documents with their workflow state (the initial one for a document that never moved), filtered by `where`. */
function selectTargets(db: Executor, where: SQL): Promise<ListedTargetRow[]> {
  return queryRows<ListedTargetRow>(
    db,
    sql`select d.id as document_id, d.department_id, d.current_version, d.title, d.kind, d.year, dep.name as department,
          cv.created_by as current_by, ${utcIso('cv.imported_at')} as current_at,
          w.status, w.round, w.status_version, w.approved_version, w.adjustment, w.revision, w.updated_by, ${utcIso('w.updated_at')} as updated_at,
          pub.version as published_version, pub.actor_display_name as published_by, ${utcIso('pub.at')} as published_at
        from documents d join document_versions cv on cv.id = d.current_version_id
        left join departments dep on dep.id = d.department_id
        left join document_workflow w on w.document_id = d.id
        ${latestPublication('targets', sql`d.id`)}
        where ${where}
        order by d.id`,
  );
}

/** The target workflow of a document (its initial state when it never moved); also read under the import's lock. */
export async function readTarget(db: Executor, documentId: number): Promise<StoredTargetWorkflow> {
  const row = (await selectTargets(db, sql`d.id = ${documentId}`))[0];
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${documentId} 的文档。`, { documentId });
  return toTarget(row);
}

type ListedEvaluationRow = EvaluationRow & Pick<DocumentRow, 'title' | 'year'> & Outer<As<SqlRow<typeof departments>, { department: 'name' }>>;

function selectEvaluations(db: Executor, where: SQL): Promise<ListedEvaluationRow[]> {
  return queryRows<ListedEvaluationRow>(
    db,
    sql`select e.id as evaluation_id, e.document_id, d.department_id, e.kind, e.period, e.status, e.revision, e.updated_by, ${utcIso('e.updated_at')} as updated_at,
          pub.actor_display_name as published_by, ${utcIso('pub.at')} as published_at, d.title, d.year, dep.name as department
        from evaluations e join documents d on d.id = e.document_id
        left join departments dep on dep.id = d.department_id
        ${latestPublication('self-evaluation', sql`e.id`)}
        where ${where}
        order by e.id`,
  );
}

async function readEvaluation(db: Executor, evaluationId: number): Promise<StoredEvaluationWorkflow> {
  const row = (await selectEvaluations(db, sql`e.id = ${evaluationId}`))[0];
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${evaluationId} 的监控或自评记录。`, { evaluationId });
  return toEvaluation(row);
}

/** Rows of the departments in scope (decision 010); no scope given = every row. */
const inScopeWhere = (scope: InScope, departmentColumn: SQL) => (scope.inDepartments ? sql`${departmentColumn} = any(${intArray(scope.inDepartments)})` : sql`true`);

/** One row of the append-only publications: a publication, or a withdrawal with its reason (`withdrawal`). */
async function insertPublication(
  tx: Executor,
  row: { type: 'targets' | 'self-evaluation'; objectId: number; documentId: number; version: number | null; by: ActedBy; withdrawal: string | null },
): Promise<void> {
  await tx.execute(
    sql`insert into publications (object_type, object_id, document_id, version, actor_username, actor_display_name, withdrawn, reason)
        values (${row.type}, ${row.objectId}, ${row.documentId}, ${row.version}, ${row.by.username}, ${row.by.displayName}, ${row.withdrawal !== null}, ${row.withdrawal})`,
  );
}

async function lockRow(tx: Executor, table: 'documents' | 'evaluations', id: number): Promise<void> {
  await tx.execute(sql`select id from ${sql.raw(table)} where id = ${id} for update`);
}

async function insertTransition(tx: Db, objectType: 'document' | 'evaluation', objectId: number, by: ActedBy, record: TransitionRecord): Promise<StoredTransition> {
  const rows = await tx
    .insert(workflowTransitions)
    .values({
      objectType,
      objectId,
      action: record.action,
      fromStatus: record.from,
      toStatus: record.to,
      reason: record.reason,
      conclusion: record.conclusion,
      round: record.round,
      version: record.version,
      actorUsername: by.username,
      actorDisplayName: by.displayName,
      actorRole: by.role,
    })
    .returning(transitionSelection);
  return toTransition(rows[0]!);
}

async function listLocks(db: Db): Promise<PeriodLock[]> {
  return db.select(lockSelection).from(periodLocks).orderBy(asc(periodLocks.id));
}

/** One published object: targets (no evaluation, period or score) or a self-evaluation's result, with its document and version. */
type PublishedRow = As<SqlRow<typeof publications>, { type: 'object_type'; version: 'version'; published_by: 'actor_display_name'; published_at: 'at' }> &
  As<DocumentRow, { document_id: 'id'; title: 'title'; department_id: 'department_id'; year: 'year' }> &
  Outer<As<SqlRow<typeof departments>, { department: 'name' }>> &
  As<VersionRow, { version_id: 'id'; project_count: 'project_count'; indicator_count: 'indicator_count' }> &
  Outer<As<SqlRow<typeof evaluations>, { evaluation_id: 'id'; period: 'period' }>> &
  Pick<SqlRow<typeof evaluationScores>, 'total' | 'grade'>;

function toPublished(r: PublishedRow): PublishedItem {
  return {
    type: r.type,
    documentId: r.document_id,
    evaluationId: r.evaluation_id,
    title: r.title,
    departmentId: r.department_id,
    department: r.department,
    year: r.year,
    version: r.version,
    period: r.period,
    projectCount: r.project_count,
    indicatorCount: r.indicator_count,
    total: r.total === null ? null : Number(r.total),
    grade: r.grade,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  };
}

/**
 * Only what the `publications` table names: the latest publication per object, targets at their published (approved)
 * version, self-evaluations that are still done. Nothing else of the database is reachable from here.
 */
async function queryPublished(db: Executor, query: PublicQuery & { documentId?: number; evaluationId?: number; type?: 'targets' | 'self-evaluation' }): Promise<PublishedRow[]> {
  const search = query.search?.trim().toLowerCase() || null;
  const matches = (title: SQL, department: SQL, versionId: SQL) =>
    sql`(${search}::text is null or position(${search} in lower(${title})) > 0 or position(${search} in lower(coalesce(${department}, ''))) > 0
         or exists (select 1 from projects pr where pr.version_id = ${versionId} and position(${search} in lower(pr.name)) > 0))`;
  const common = (doc: SQL) =>
    sql`(${query.departmentId ?? null}::int is null or ${doc}.department_id = ${query.departmentId ?? null})
        and (${query.year ?? null}::int is null or ${doc}.year = ${query.year ?? null})
        and (${query.documentId ?? null}::int is null or ${doc}.id = ${query.documentId ?? null})`;
  const targets = sql`select 'targets' as type, d.id as document_id, null::int as evaluation_id, d.title, d.department_id, dep.name as department, d.year,
        l.version, null::text as period, v.project_count, v.indicator_count, null::text as total, null::text as grade,
        l.actor_display_name as published_by, l.at, v.id as version_id
      from latest l join documents d on d.id = l.object_id join document_versions v on v.document_id = d.id and v.version = l.version
      left join departments dep on dep.id = d.department_id
      where l.object_type = 'targets' and ${common(sql`d`)} and ${matches(sql`d.title`, sql`dep.name`, sql`v.id`)}`;
  const results = sql`select 'self-evaluation' as type, d.id as document_id, e.id as evaluation_id, d.title, d.department_id, dep.name as department, d.year,
        l.version, e.period, v.project_count, v.indicator_count, s.total, s.grade,
        l.actor_display_name as published_by, l.at, v.id as version_id
      from latest l join evaluations e on e.id = l.object_id join documents d on d.id = e.document_id join document_versions v on v.id = e.target_version_id
      left join departments dep on dep.id = d.department_id
      left join lateral (select es.total::text as total, es.grade from evaluation_scores es where es.evaluation_id = e.id order by es.id desc limit 1) s on true
      where l.object_type = 'self-evaluation' and e.status = 'done' and ${common(sql`d`)} and ${matches(sql`d.title`, sql`dep.name`, sql`v.id`)}
        and (${query.evaluationId ?? null}::int is null or e.id = ${query.evaluationId ?? null})`;
  return queryRows<PublishedRow>(
    db,
    sql`with latest as (select * from (select distinct on (object_type, object_id) object_type, object_id, version, actor_display_name, at, withdrawn
          from publications order by object_type, object_id, id desc) newest where not newest.withdrawn)
        select type, document_id, evaluation_id, title, department_id, department, year, version, period, project_count, indicator_count, total, grade,
          published_by, ${utcIso('at')} as published_at, version_id
        from (${query.type === 'self-evaluation' ? results : query.type === 'targets' ? targets : sql`${targets} union all ${results}`}) x
        order by x.at desc, x.document_id`,
  );
}

export function createWorkflowStore(db: Db): WorkflowStore {
  return {
    getTargetWorkflow: (documentId) => readTarget(db, documentId),

    async listTargetWorkflows(scope) {
      const rows = await selectTargets(db, sql`d.kind in ('project-targets', 'department-targets') and ${inScopeWhere(scope, sql`d.department_id`)}`);
      return rows.map((r) => ({ ...toTarget(r), title: r.title, kind: r.kind, department: r.department, year: r.year }));
    },

    async listEvaluationWorkflows(scope) {
      const rows = await selectEvaluations(db, inScopeWhere(scope, sql`d.department_id`));
      return rows.map((r) => ({ ...toEvaluation(r), documentTitle: r.title, department: r.department, year: r.year }));
    },

    transitionTarget(documentId, by, decide) {
      return db.transaction(async (tx) => {
        await lockRow(tx, 'documents', documentId);
        const state = await readTarget(tx, documentId);
        const { next, record } = decide(state);
        await tx.execute(
          sql`insert into document_workflow (document_id, status, round, status_version, approved_version, adjustment, updated_by)
              values (${documentId}, ${next.status}, ${next.round}, ${next.statusVersion}, ${next.approvedVersion}, ${next.adjustment}, ${by.displayName})
              on conflict (document_id) do update set status = excluded.status, round = excluded.round, status_version = excluded.status_version,
                approved_version = excluded.approved_version, adjustment = excluded.adjustment, updated_by = excluded.updated_by,
                updated_at = now(), revision = document_workflow.revision + 1`,
        );
        const transition = await insertTransition(tx, 'document', documentId, by, record);
        return { state: await readTarget(tx, documentId), transition };
      });
    },

    getEvaluationWorkflow: (evaluationId) => readEvaluation(db, evaluationId),

    transitionEvaluation(evaluationId, by, decide) {
      return db.transaction(async (tx) => {
        await lockRow(tx, 'evaluations', evaluationId);
        const state = await readEvaluation(tx, evaluationId);
        const record = decide(state, await listLocks(tx));
        await tx.execute(
          sql`update evaluations set status = ${record.to}, revision = revision + 1, updated_by = ${by.displayName}, updated_at = now() where id = ${evaluationId}`,
        );
        const transition = await insertTransition(tx, 'evaluation', evaluationId, by, record);
        return { state: await readEvaluation(tx, evaluationId), transition };
      });
    },

    async listTransitions(objectType, objectId) {
      const rows = await db
        .select(transitionSelection)
        .from(workflowTransitions)
        .where(and(eq(workflowTransitions.objectType, objectType), eq(workflowTransitions.objectId, objectId)))
        .orderBy(asc(workflowTransitions.id));
      return rows.map(toTransition);
    },

    listPeriodLocks: () => listLocks(db),

    setPeriodLock(input, decide) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${PERIOD_LOCK_KEY})`);
        const { reason } = decide(await listLocks(tx));
        const rows = await tx
          .insert(periodLocks)
          .values({ period: input.period, locked: input.locked, reason, actorUsername: input.by.username, actorDisplayName: input.by.displayName })
          .returning(lockSelection);
        return rows[0]!;
      });
    },

    publishTargets(documentId, by, decide) {
      return db.transaction(async (tx) => {
        await lockRow(tx, 'documents', documentId);
        const version = decide(await readTarget(tx, documentId));
        await insertPublication(tx, { type: 'targets', objectId: documentId, documentId, version, by, withdrawal: null });
        return readTarget(tx, documentId);
      });
    },

    withdrawTargetsPublication(documentId, by, reason, decide) {
      return db.transaction(async (tx) => {
        await lockRow(tx, 'documents', documentId);
        const state = await readTarget(tx, documentId);
        decide(state);
        await insertPublication(tx, { type: 'targets', objectId: documentId, documentId, version: state.publishedVersion, by, withdrawal: reason });
        return readTarget(tx, documentId);
      });
    },

    publishEvaluation(evaluationId, by, decide) {
      return db.transaction(async (tx) => {
        await lockRow(tx, 'evaluations', evaluationId);
        const state = await readEvaluation(tx, evaluationId);
        decide(state);
        await insertPublication(tx, { type: 'self-evaluation', objectId: evaluationId, documentId: state.documentId, version: state.revision, by, withdrawal: null });
        return readEvaluation(tx, evaluationId);
      });
    },

    withdrawEvaluationPublication(evaluationId, by, reason, decide) {
      return db.transaction(async (tx) => {
        await lockRow(tx, 'evaluations', evaluationId);
        const state = await readEvaluation(tx, evaluationId);
        decide(state);
        await insertPublication(tx, { type: 'self-evaluation', objectId: evaluationId, documentId: state.documentId, version: state.revision, by, withdrawal: reason });
        return readEvaluation(tx, evaluationId);
      });
    },

    async listPublished(query) {
      return (await queryPublished(db, query)).map(toPublished);
    },

    async getPublishedTargets(documentId) {
      const row = (await queryPublished(db, { documentId, type: 'targets' }))[0];
      if (!row) throw new AppError('NOT_FOUND', `编号为 ${documentId} 的绩效目标尚未公开。`, { documentId });
      const content = await queryRows<{ content: unknown }>(db, sql`select content from document_versions where id = ${row.version_id}`);
      return { item: toPublished(row), document: unpackContent(content[0]?.content) };
    },

    async getPublishedSelfEvaluation(evaluationId) {
      const row = (await queryPublished(db, { evaluationId, type: 'self-evaluation' }))[0];
      if (!row) throw new AppError('NOT_FOUND', `编号为 ${evaluationId} 的自评结果尚未公开。`, { evaluationId });
      // The score kept last, as the published total and grade are (the list shows the same row).
      const scores = await queryRows<{ result: unknown }>(db, sql`select result from evaluation_scores where evaluation_id = ${evaluationId} order by id desc limit 1`);
      return { item: toPublished(row), result: scores[0]?.result ?? null };
    },
  };
}
