/**
 * The database schema. Tables follow the domain (overview.md): the org tree (departments → units), budget years,
 * documents with their versions, and the rows of each version — projects, key tasks and indicators (project,
 * department-wide and key-task indicators in one table, told apart by `scope`).
 *
 * - Every row of a version points at `document_versions.id`; a document's `current_version_id` says which version
 *   the catalog shows. Old versions are kept, complete (decision 005).
 * - The bulk tables (projects, key_tasks, indicators) have no foreign keys: they are written only by the import, in
 *   the same transaction as their parents, and never updated or deleted, and the per-row FK checks cost a quarter of
 *   a 50,000-indicator import (decision 001). The org tree and documents/versions keep theirs.
 * - Amounts are `numeric(18,6)` in the document's unit (`amount_unit`), exact; sums are computed in SQL (decision 002).
 * - Parsed targets and actual values are jsonb objects shaped like the interchange format's.
 * - `document_versions.content` is the whole interchange document as imported (`json`, which keeps the text as
 *   written), so an export gives back exactly what was imported.
 *
 * Only SQL that PostgreSQL 15 accepts (PGlite is PostgreSQL 18): see docs/decisions/001-embedded-database.md.
 * After changing this file: `npm run db:generate`.
 */
import type { AmountUnit, Direction, DocumentKind, EvidenceOwnerKind, EvidenceType, MonitoringWarningRule, RectificationSourceKind, RectificationStatus, ResultsUseDecisionKind, Role, RuleScheme, TargetStatus } from '@jixiao/core';
import type { EvaluationKind, EvaluationStatus, ReviewDecisionType } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, customType, date, index, integer, json, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const amount = (name: string) => numeric(name, { precision: 18, scale: 6 });

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  /** 主管部门 name as the documents write it (trimmed). */
  name: text('name').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    /** 预算单位编码, e.g. 064005. */
    code: text('code'),
    /** 单位性质: 行政单位, 公益一类事业单位 … */
    nature: text('nature'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_department_name_idx').on(t.departmentId, t.name)],
);

/** 预算年度 that have data. */
export const years = pgTable('years', {
  year: integer('year').primaryKey(),
});

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    /** kind | department | year | file stem — how a re-imported file is recognised (decision 005). */
    identityKey: text('identity_key').notNull().unique(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    title: text('title').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    year: integer('year').references(() => years.year),
    currentVersion: integer('current_version').notNull().default(0),
    /** Set in the same transaction as the version's rows; no FK so that the two tables need no cycle. */
    currentVersionId: integer('current_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_department_idx').on(t.departmentId), index('documents_current_version_idx').on(t.currentVersionId)],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name'),
    layout: text('layout').notNull(),
    amountUnit: text('amount_unit').$type<AmountUnit>().notNull(),
    projectCount: integer('project_count').notNull(),
    indicatorCount: integer('indicator_count').notNull(),
    problemCount: integer('problem_count').notNull(),
    /** The interchange document exactly as imported. */
    content: json('content').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who made this version (the importer or the editor); null for versions made before sign-in existed. */
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('document_versions_document_version_idx').on(t.documentId, t.version), check('document_versions_version_positive', sql`${t.version} > 0`)],
);

export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull(),
    documentId: integer('document_id').notNull(),
    departmentId: integer('department_id').notNull(),
    unitId: integer('unit_id').notNull(),
    year: integer('year'),
    /** 0-based position in the document (reading order). */
    position: integer('position').notNull(),
    /** 序号 as printed. */
    no: integer('no'),
    name: text('name').notNull(),
    code: text('code'),
    amount: amount('amount'),
    amountUnit: text('amount_unit').$type<AmountUnit>().notNull(),
    fundingFiscal: amount('funding_fiscal'),
    fundingSpecialAccount: amount('funding_special_account'),
    fundingOther: amount('funding_other'),
    category: text('category'),
    description: text('description'),
    goal: text('goal'),
    /** Project self-evaluations: the project's budget as stated. */
    budget: jsonb('budget'),
    indicatorCount: integer('indicator_count').notNull(),
  },
  (t) => [
    index('projects_version_idx').on(t.versionId),
    index('projects_unit_idx').on(t.unitId),
    index('projects_department_idx').on(t.departmentId),
    // The year filter of every list and total (issue 12: a city holds many years).
    index('projects_year_idx').on(t.year, t.departmentId),
  ],
);

export const keyTasks = pgTable(
  'key_tasks',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull(),
    documentId: integer('document_id').notNull(),
    departmentId: integer('department_id'),
    year: integer('year'),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    content: text('content'),
    funds: amount('funds'),
    expected: text('expected'),
    /** Names of the linked projects, as written. */
    projects: jsonb('projects').notNull(),
    completion: text('completion'),
    weight: numeric('weight'),
    statedScore: numeric('stated_score'),
  },
  (t) => [index('key_tasks_version_idx').on(t.versionId)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull(),
    documentId: integer('document_id').notNull(),
    departmentId: integer('department_id'),
    unitId: integer('unit_id'),
    /** `project` (a project's), `department` (department-wide), `key-task` (a key task's key indicators). */
    scope: text('scope').$type<'project' | 'department' | 'key-task'>().notNull(),
    projectId: integer('project_id'),
    keyTaskId: integer('key_task_id'),
    year: integer('year'),
    /** 0-based position within its project / task / the department list. */
    position: integer('position').notNull(),
    no: integer('no').notNull(),
    level1: text('level1'),
    level1Code: text('level1_code'),
    level2: text('level2'),
    level2Code: text('level2_code'),
    name: text('name').notNull(),
    annualTarget: jsonb('annual_target'),
    periodTarget: jsonb('period_target'),
    direction: text('direction').$type<Direction>(),
    explanation: text('explanation'),
    formula: text('formula'),
    weight: numeric('weight'),
    actual: jsonb('actual'),
    tier: text('tier'),
    score: numeric('score'),
    deviationReason: text('deviation_reason'),
  },
  (t) => [
    index('indicators_version_idx').on(t.versionId),
    index('indicators_project_idx').on(t.projectId),
    // The indicator lists and totals by department and year, and by unit (issue 12).
    index('indicators_department_year_idx').on(t.departmentId, t.year),
    index('indicators_unit_idx').on(t.unitId),
  ],
);

/**
 * The reviewer's own word on a document (decision 006), append-only: accept or dismiss a finding (by its stable key),
 * add a finding, override the conclusion — each with who and when. The automated findings are not stored: they are
 * recomputed by the core from the stored document. The last decision on a finding counts.
 *
 * - accept / dismiss carry over to later versions of the document (finding keys are stable across re-imports);
 *   added findings and conclusion overrides belong to the version they were made on (a new version is a new round, R9).
 * - `version_id` is the version the reviewer was looking at.
 */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => documentVersions.id),
    /** `accept`, `dismiss`, `add`, `override`. */
    type: text('type').$type<ReviewDecisionType>().notNull(),
    /** The finding decided on (accept, dismiss) or added (add). */
    findingKey: text('finding_key'),
    /** Why a finding was dismissed or the conclusion overridden. */
    reason: text('reason'),
    /** The added finding, shaped like the core's `Finding`. */
    finding: jsonb('finding'),
    /** The overriding conclusion: 优 / 良 / 中 / 差. */
    conclusion: text('conclusion'),
    /** Who decided (a reviewer's name until sign-in exists). */
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_decisions_document_idx').on(t.documentId, t.id),
    check('review_decisions_type', sql`${t.type} in ('accept', 'dismiss', 'add', 'override')`),
    check(
      'review_decisions_shape',
      sql`case ${t.type}
            when 'accept' then ${t.findingKey} is not null
            when 'dismiss' then ${t.findingKey} is not null and ${t.reason} is not null
            when 'add' then ${t.findingKey} is not null and ${t.finding} is not null
            when 'override' then ${t.conclusion} is not null and ${t.reason} is not null
          end`,
    ),
  ],
);

/**
 * Stored rule sets (decision 003): an admin's copies of the built-in rule sets (which are never stored). One row per
 * version, never updated: a change is a new version, so a score recorded with `id@version` can be reproduced.
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    ruleSetId: text('rule_set_id').notNull(),
    version: integer('version').notNull(),
    /** `target-review`, `project-self-evaluation`, `department-self-evaluation`, `monitoring`, `results-use`. */
    scheme: text('scheme').$type<RuleScheme>().notNull(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    yearFrom: integer('year_from'),
    yearTo: integer('year_to'),
    /** `[{ docNo, title, note? }]`: the documents (文号) it follows. */
    sources: jsonb('sources').notNull(),
    /** `id@version` it was copied from. */
    basedOn: text('based_on'),
    settings: jsonb('settings').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rule_sets_id_version_idx').on(t.ruleSetId, t.version),
    check('rule_sets_scheme', sql`${t.scheme} in ('target-review', 'project-self-evaluation', 'department-self-evaluation', 'monitoring', 'results-use')`),
    check('rule_sets_version', sql`${t.version} >= 1`),
  ],
);

/**
 * Which rule set applies to a scheme, region and budget year, append-only: the latest row for (scheme, region, year)
 * counts, earlier ones are the history (who activated what, when). The rule set may be a built-in one (not stored).
 */
export const ruleSetActivations = pgTable(
  'rule_set_activations',
  {
    id: serial('id').primaryKey(),
    scheme: text('scheme').$type<RuleScheme>().notNull(),
    region: text('region').notNull(),
    year: integer('year').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    version: integer('version').notNull(),
    activatedBy: text('activated_by').notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rule_set_activations_key_idx').on(t.scheme, t.region, t.year, t.id)],
);

/**
 * A unit's report against one version of its targets (issue 4): a monitoring report at a cut-off month (`kind`
 * `monitoring`, `period` `YYYY-MM`) or the year-end self-evaluation (`kind` `self-evaluation`, `period` `YYYY`).
 * The targets are never copied here: they are read from `target_version_id`, so they cannot be changed while the
 * actuals are entered. `entries` is what the unit entered (actual values per indicator, money spent, deviation
 * reasons, likelihood, measures …) shaped by the contract; `report` the edited sections of the 自评报告 draft.
 * `revision` is bumped by every save: a save names the revision it started from, so two people editing at once
 * never silently overwrite each other.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    targetVersionId: integer('target_version_id')
      .notNull()
      .references(() => documentVersions.id),
    kind: text('kind').$type<EvaluationKind>().notNull(),
    period: text('period').notNull(),
    status: text('status').$type<EvaluationStatus>().notNull().default('draft'),
    entries: jsonb('entries').notNull().default({}),
    report: jsonb('report'),
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluations_document_kind_period_idx').on(t.documentId, t.kind, t.period),
    check('evaluations_kind', sql`${t.kind} in ('monitoring', 'self-evaluation')`),
    check('evaluations_status', sql`${t.status} in ('draft', 'submitted', 'in-review', 'returned', 'done')`),
    check('evaluations_revision', sql`${t.revision} >= 1`),
  ],
);

/**
 * Every score kept (issue 4), append-only: which evaluation and which of its revisions, the rule set `id@version`
 * that produced it, the total, grade and the whole result with its reasons. Re-scoring adds a row; scoring again
 * with an old rule-set version gives the old result.
 */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    id: serial('id').primaryKey(),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    evaluationRevision: integer('evaluation_revision').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    total: numeric('total'),
    grade: text('grade'),
    result: jsonb('result').notNull(),
    scoredBy: text('scored_by').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_scores_evaluation_idx').on(t.evaluationId, t.id)],
);

/**
 * The people who sign in (issue 5, decision 010). `password_hash` is scrypt in the PHC-like form
 * `scrypt$N$r$p$salt$hash` (base64); the password itself is never stored or logged. Unit roles belong to one
 * department; third-party reviewers see only `assigned_department_ids`; finance reviewers and admins the district.
 * Users are never deleted (the audit trail names them): they are disabled. `demo` users exist only in demo mode.
 */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    assignedDepartmentIds: integer('assigned_department_ids').array().notNull().default(sql`'{}'::integer[]`),
    disabled: boolean('disabled').notNull().default(false),
    demo: boolean('demo').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role', sql`${t.role} in ('unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin')`),
    check('users_unit_department', sql`${t.role} not in ('unit-editor', 'unit-approver') or ${t.departmentId} is not null`),
  ],
);

/**
 * Signed-in sessions, in the database so that sign-out and a password change really end them. The cookie holds a
 * random 32-byte token; only its sha256 is stored, so a read of this table cannot be replayed as a cookie.
 * A session ends at `expires_at` (absolute), after the idle limit since `last_seen_at`, or when `revoked_at` is set.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    tokenSha256: text('token_sha256').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The per-session CSRF token (sent back in `X-CSRF-Token` on every state-changing request). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins, for throttling per username and per IP address (rows older than the window are ignored). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_username_idx').on(t.username, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)],
);

/**
 * The audit trail (issue 5 item 4): every change, who made it, when, what before and after, which request.
 * Append-only: triggers (migrations 0004, 0006) refuse UPDATE, DELETE and TRUNCATE. The actor's name is copied, not
 * joined, so an entry still says who it was after the user is renamed. A hash chain (decision 013, audit-chain.ts):
 * `hash` = sha256(`prev_hash` + the entry's canonical JSON), so a row changed or removed behind the triggers' back is
 * found by `jixiao audit verify`. Both are null only on entries written before migration 0006.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorUsername: text('actor_username').notNull(),
    actorDisplayName: text('actor_display_name').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
    index('audit_events_actor_idx').on(t.actorUsername),
    // Two entries linked to the same predecessor would fork the chain: refused here even if the append lock were bypassed.
    uniqueIndex('audit_events_prev_hash_unique').on(t.prevHash),
    check('audit_events_hash_shape', sql`(${t.hash} is null and ${t.prevHash} is null) or (${t.hash} ~ '^[0-9a-f]{64}$' and ${t.prevHash} ~ '^[0-9a-f]{64}$')`),
  ],
);

/**
 * Where each target document stands in its workflow (R9, decision 011): one row per document, created on its first
 * transition (a document without a row is a draft in round 1). `approved_version` is the frozen version monitoring and
 * self-evaluation read; while an adjustment (`adjustment`) is in review it stays the approved one. `revision` is bumped
 * by every transition (lost-update check for two reviewers acting at once).
 */
export const documentWorkflow = pgTable(
  'document_workflow',
  {
    documentId: integer('document_id')
      .primaryKey()
      .references(() => documents.id),
    status: text('status').$type<TargetStatus>().notNull(),
    round: integer('round').notNull().default(1),
    /** The document version the status was set on. */
    statusVersion: integer('status_version').notNull(),
    approvedVersion: integer('approved_version'),
    adjustment: boolean('adjustment').notNull().default(false),
    revision: integer('revision').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('document_workflow_status', sql`${t.status} in ('draft', 'submitted', 'in-review', 'returned', 'approved', 'rejected')`)],
);

/**
 * Every workflow transition of a target document or an evaluation, append-only: who (name and role), when, from
 * which state to which, why, in which round and on which version (document version or evaluation revision).
 */
export const workflowTransitions = pgTable(
  'workflow_transitions',
  {
    id: serial('id').primaryKey(),
    /** `document` or `evaluation`. */
    objectType: text('object_type').$type<'document' | 'evaluation'>().notNull(),
    objectId: integer('object_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    /** The review conclusion the reviewer acted on (优/良/中/差), for return / approve / reject. */
    conclusion: text('conclusion'),
    round: integer('round').notNull(),
    version: integer('version').notNull(),
    actorUsername: text('actor_username').notNull(),
    actorDisplayName: text('actor_display_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workflow_transitions_object_idx').on(t.objectType, t.objectId, t.id),
    check('workflow_transitions_object_type', sql`${t.objectType} in ('document', 'evaluation')`),
  ],
);

/**
 * Period locks, append-only: the latest row for a period counts (`locked` true or false). A year (`YYYY`) locks every
 * monitoring month and the self-evaluation of that year; a month (`YYYY-MM`) locks that monitoring cut-off.
 */
export const periodLocks = pgTable(
  'period_locks',
  {
    id: serial('id').primaryKey(),
    period: text('period').notNull(),
    locked: boolean('locked').notNull(),
    reason: text('reason'),
    actorUsername: text('actor_username').notNull(),
    actorDisplayName: text('actor_display_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('period_locks_period_idx').on(t.period, t.id), check('period_locks_period', sql`${t.period} ~ '^[0-9]{4}(-[0-9]{2})?$'`)],
);

/**
 * What has been published (信息公开, R12), append-only: approved targets (`targets`, object = document, `version` the
 * approved document version) and self-evaluation results (`self-evaluation`, object = evaluation, `version` its
 * revision). The latest row per object counts; the public page reads only what is here.
 */
export const publications = pgTable(
  'publications',
  {
    id: serial('id').primaryKey(),
    objectType: text('object_type').$type<'targets' | 'self-evaluation'>().notNull(),
    objectId: integer('object_id').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    actorUsername: text('actor_username').notNull(),
    actorDisplayName: text('actor_display_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * A withdrawal (撤回公开, issue 13 item 7) is a row of its own, as the table is append-only: the object's latest
     * row says whether it is public now, and the history keeps both.
     */
    withdrawn: boolean('withdrawn').notNull().default(false),
    reason: text('reason'),
  },
  (t) => [
    index('publications_object_idx').on(t.objectType, t.objectId, t.id),
    check('publications_object_type', sql`${t.objectType} in ('targets', 'self-evaluation')`),
  ],
);

/**
 * Each version's totals per budget unit (issue 12 item 1): project count and amounts summed exactly, written with the
 * version in its import transaction, so the department overview and the unit lists add up a few rows per version
 * instead of every project of the city. Like the bulk tables: no foreign keys, never updated, deleted only with
 * its document (a withdrawn draft).
 */
export const unitTotals = pgTable(
  'unit_totals',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id').notNull(),
    documentId: integer('document_id').notNull(),
    departmentId: integer('department_id').notNull(),
    unitId: integer('unit_id').notNull(),
    year: integer('year'),
    projectCount: integer('project_count').notNull(),
    /** Σ amounts in 万元 (元 ÷ 10000), exact; null when no project states an amount. */
    totalWan: numeric('total_wan'),
    /** Σ amounts in the projects' own unit. */
    totalRaw: numeric('total_raw'),
    /** Every project's amount is in 元 (then the raw total is in 元). */
    allYuan: boolean('all_yuan').notNull(),
    amountCount: integer('amount_count').notNull(),
  },
  (t) => [index('unit_totals_version_idx').on(t.versionId), index('unit_totals_department_idx').on(t.departmentId, t.year), index('unit_totals_unit_idx').on(t.unitId)],
);

/**
 * Work done off the request path (issue 12 items 5 and 9, decision 023): an import or a document to generate, started
 * over HTTP, is a row here,
 * claimed by one runner at a time under a lease. The file travels base64 in `file_base64` (the backup writes rows as
 * JSON text) and is dropped when the job ends; finished jobs are deleted after 7 days.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<'import' | 'output'>().notNull(),
    status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull(),
    userId: integer('user_id').references(() => users.id),
    /** The actor as they were when they started it: the job runs as them. */
    actor: jsonb('actor'),
    requestId: text('request_id'),
    title: text('title').notNull(),
    input: jsonb('input').notNull(),
    fileBase64: text('file_base64'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    progressLabel: text('progress_label').notNull().default(''),
    result: jsonb('result'),
    /** A generated file (an output job's result), base64, with its name and media type; deleted with the job. */
    resultFileBase64: text('result_file_base64'),
    resultFileName: text('result_file_name'),
    resultMediaType: text('result_media_type'),
    error: jsonb('error'),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: text('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.id),
    index('jobs_user_idx').on(t.userId, t.id),
    check('jobs_status', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
    check('jobs_kind', sql`${t.kind} in ('import', 'output')`),
  ],
);

/**
 * Results use (R11, issue 14 item 1): the finance reviewer's word on next year's budget suggestion for a project of a
 * year-N target document — confirmed (`confirm`) or changed to another suggestion (`adjust`), always with a reason.
 * Append-only (the hand-written triggers of its migration refuse UPDATE, DELETE and TRUNCATE): the latest row per
 * document and project counts, the earlier ones are the history. `basis` keeps the results the suggestion was drawn
 * from at that moment; the rule set `id@version` says which rule gave it.
 */
export const resultsUseDecisions = pgTable(
  'results_use_decisions',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** The project's position in the evaluated version (`u0.p3`; `d` for a department's whole). */
    projectKey: text('project_key').notNull(),
    unitName: text('unit_name').notNull(),
    projectName: text('project_name').notNull(),
    kind: text('kind').$type<ResultsUseDecisionKind>().notNull(),
    computedSuggestion: text('computed_suggestion'),
    suggestion: text('suggestion').notNull(),
    reason: text('reason').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    basis: jsonb('basis').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('results_use_decisions_document_idx').on(t.documentId, t.projectKey, t.id),
    check('results_use_decisions_kind', sql`${t.kind} in ('confirm', 'adjust')`),
    check('results_use_decisions_reason', sql`length(btrim(${t.reason})) > 0`),
  ],
);

/**
 * Rectification items (整改, issue 14 item 2, decision 032): the problem, its basis, the measures, who answers for it
 * and by when, where it was found (`source_*`), and where the item stands. One row per item, moved under its row
 * lock; `revision` is bumped by every move. Its history is `rectification_transitions`.
 */
export const rectificationItems = pgTable(
  'rectification_items',
  {
    id: serial('id').primaryKey(),
    departmentId: integer('department_id').references(() => departments.id),
    unitName: text('unit_name').notNull(),
    responsiblePerson: text('responsible_person').notNull(),
    problem: text('problem').notNull(),
    basis: text('basis').notNull(),
    measures: text('measures').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    projectName: text('project_name'),
    sourceKind: text('source_kind').$type<RectificationSourceKind>().notNull(),
    /** Where it was found; no foreign keys, so withdrawing a draft that was once reviewed is not blocked by its trail. */
    sourceDocumentId: integer('source_document_id'),
    sourceEvaluationId: integer('source_evaluation_id'),
    sourceKey: text('source_key'),
    sourceReference: text('source_reference'),
    status: text('status').$type<RectificationStatus>().notNull().default('draft'),
    round: integer('round').notNull().default(0),
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [
    index('rectification_items_department_idx').on(t.departmentId, t.status, t.id),
    index('rectification_items_source_idx').on(t.sourceKind, t.sourceDocumentId, t.sourceEvaluationId, t.sourceKey),
    check('rectification_items_status', sql`${t.status} in ('draft', 'issued', 'fed-back', 'returned', 'verified')`),
    check('rectification_items_source_kind', sql`${t.sourceKind} in ('review', 'monitoring', 'self-evaluation', 'evaluation', 'inspection')`),
  ],
);

/** Every move of a rectification item, append-only like `workflow_transitions`: who, when, from, to, the text and the files given with it. */
export const rectificationTransitions = pgTable(
  'rectification_transitions',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => rectificationItems.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    text: text('text'),
    round: integer('round').notNull(),
    /** The attachments given with this move (a feedback's evidence). */
    attachmentIds: jsonb('attachment_ids').$type<number[]>().notNull().default([]),
    actorUsername: text('actor_username').notNull(),
    actorDisplayName: text('actor_display_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rectification_transitions_item_idx').on(t.itemId, t.id)],
);

/** Bytes as `bytea`: node-postgres takes a Buffer, PGlite any Uint8Array (a Buffer is one); both read back as bytes. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * 佐证材料 (issue 14 item 3): the files themselves, in the database (so a backup has them), owned by a kind of object
 * and its id; the department is copied from the owner so a download is scoped with one indexed read. Append-only:
 * evidence once given stays (a correction is a new file).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    ownerKind: text('owner_kind').$type<EvidenceOwnerKind>().notNull(),
    ownerId: integer('owner_id').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    fileName: text('file_name').notNull(),
    type: text('type').$type<EvidenceType>().notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    actorUsername: text('actor_username').notNull(),
    actorDisplayName: text('actor_display_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerKind, t.ownerId, t.id),
    check('attachments_owner_kind', sql`${t.ownerKind} in ('rectification', 'indicator-actual', 'monitoring-line', 'self-evaluation', 'evaluation')`),
    check('attachments_type', sql`${t.type} in ('pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls')`),
    check('attachments_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('attachments_size', sql`${t.size} = octet_length(${t.content})`),
  ],
);

/**
 * Monitoring warnings (预警, issue 14 item 8, decision 038): raised when a report is submitted, by the rule set's
 * `warnings` (which line, which rule, why), with the last day to answer (Beijing, working days). Append-only (its
 * migration's triggers); one per report and key — a resubmission keeps the first.
 */
export const monitoringWarnings = pgTable(
  'monitoring_warnings',
  {
    id: serial('id').primaryKey(),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    warningKey: text('warning_key').notNull(),
    lineKey: text('line_key').notNull(),
    label: text('label').notNull(),
    rule: text('rule').$type<MonitoringWarningRule>().notNull(),
    setting: text('setting').notNull(),
    reason: text('reason').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    dueDate: text('due_date').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_warnings_key_idx').on(t.evaluationId, t.warningKey),
    check('monitoring_warnings_rule', sql`${t.rule} in ('execution-floor', 'progress-gap')`),
  ],
);

/** The unit's answers to a warning (继续执行 / 调剂 / 取消 with an explanation): append-only, the latest counts. */
export const monitoringWarningResponses = pgTable(
  'monitoring_warning_responses',
  {
    id: serial('id').primaryKey(),
    warningId: integer('warning_id')
      .notNull()
      .references(() => monitoringWarnings.id),
    response: text('response').notNull(),
    explanation: text('explanation').notNull(),
    respondedBy: text('responded_by').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_warning_responses_warning_idx').on(t.warningId, t.id), check('monitoring_warning_responses_explanation', sql`length(btrim(${t.explanation})) > 0`)],
);
