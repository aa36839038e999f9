/**
 * An in-memory `TransactionalStore` for the services tier's tests (ports.ts promises one): documents and their
 * versions, the target and evaluation workflow with period locks, reviewer decisions, evaluations and scores, rule
 * sets, the audit trail and the department scope — enough to run every command without a database. A transaction
 * keeps a copy of the state and puts it back when the work throws, as the database's rollback would.
 *
 * What it leaves out says so when asked: the catalog's project and indicator lists, users and sessions, the public
 * page and withdrawal throw `not in the memory store` (their tests run on PGlite and PostgreSQL: packages/store).
 */
import { countIndicators, departmentNameOf, initialTargetState, listIndicatorSites, listProjects, type PeriodLock, type PerformanceDocument, type TargetWorkflowState } from '@jixiao/core';
import { AppError } from '../errors';
import type { AuditEntry, DocumentSummary, StoredAuditEntry, StoredEvaluation, StoredEvaluationScore, StoredReviewDecision, StoredTargetBenchmark } from '../ports';
import type { StoredMonitoringWarning } from '../monitoring/warning-ports';
import type { StoredResultsUseDecision } from '../results-use/ports';
import type { RuleSetActivation, StoredRuleSet } from '../rule-sets/rule-sets';
import type { Repositories, TransactionalStore } from '../unit-of-work';
import type { ActedBy, StoredTargetWorkflow, StoredTransition } from '../workflow/ports';
import type { AttachmentStore, RectificationStore, StoredAttachment, StoredRectification, StoredRectificationTransition } from '../rectification/ports';

const isTargets = (d: DocumentSummary) => d.kind === 'project-targets' || d.kind === 'department-targets';

interface StoredVersion {
  version: number;
  document: PerformanceDocument;
  sha256: string;
  fileName: string;
  createdBy: string | null;
  at: string;
}

interface StoredDocument {
  id: number;
  key: string;
  title: string;
  departmentId: number | null;
  year: number;
  versions: StoredVersion[];
  workflow: (TargetWorkflowState & { revision: number; updatedBy: string | null; updatedAt: string | null }) | null;
  published: { version: number; by: string; at: string } | null;
}

interface State {
  next: number;
  departments: Array<{ id: number; name: string }>;
  documents: StoredDocument[];
  decisions: StoredReviewDecision[];
  evaluations: Array<StoredEvaluation & { publishedBy: string | null; publishedAt: string | null }>;
  scores: StoredEvaluationScore[];
  ruleSets: StoredRuleSet[];
  activations: RuleSetActivation[];
  transitions: StoredTransition[];
  locks: PeriodLock[];
  audit: StoredAuditEntry[];
  resultsUse: StoredResultsUseDecision[];
  rectifications: StoredRectification[];
  rectificationTransitions: StoredRectificationTransition[];
  attachments: Array<StoredAttachment & { bytes: Uint8Array }>;
  warnings: StoredMonitoringWarning[];
}

const notFound = (what: string, n: number) => new AppError('NOT_FOUND', `找不到编号为 ${n} 的${what}。`);
const current = (d: StoredDocument) => d.versions.at(-1)!;
const withoutBytes = ({ bytes: _bytes, ...a }: StoredAttachment & { bytes: Uint8Array }): StoredAttachment => structuredClone(a);
const inScopeOf = (scope: { inDepartments?: readonly number[] }, departmentId: number | null) => !scope.inDepartments || (departmentId !== null && scope.inDepartments.includes(departmentId));

function target(d: StoredDocument): StoredTargetWorkflow {
  const w = d.workflow ?? { ...initialTargetState(current(d).version, d.departmentId), revision: 0, updatedBy: null, updatedAt: null };
  return {
    ...w,
    currentVersion: current(d).version,
    departmentId: d.departmentId,
    documentId: d.id,
    currentVersionBy: current(d).createdBy,
    currentVersionAt: current(d).at,
    publishedVersion: d.published?.version ?? null,
    publishedBy: d.published?.by ?? null,
    publishedAt: d.published?.at ?? null,
  };
}

/** In the dashboard's filter: a department's document, in scope, of the one department when drilled down. */
const shown = (d: StoredDocument, f: { inDepartments?: readonly number[]; departmentId?: number }) =>
  d.departmentId !== null && (!f.inDepartments || f.inDepartments.includes(d.departmentId)) && (f.departmentId === undefined || d.departmentId === f.departmentId);

const missing = (what: string) => () => {
  throw new Error(`${what}: not in the memory store (tested on the database in packages/store)`);
};

/** The memory store, and its state for assertions (`state().audit`). */
export interface MemoryStore extends TransactionalStore {
  state(): Readonly<State>;
}

/** PostgreSQL's percentile_cont: linear interpolation between the sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
}

/** numeric(18,4) as text, as the store hands it over. */
const decimalText = (n: number) => String(Number(n.toFixed(4)));

/** As the store's `catalog.targetBenchmarks`: the approved versions' numeric annual targets, by name and unit. */
function benchmarksOf(documents: readonly StoredDocument[], query: { names: readonly string[]; excludeDocumentId: number }): StoredTargetBenchmark[] {
  const names = new Set(query.names);
  const groups = new Map<string, { name: string; unit: string; values: number[]; departments: Set<number | null> }>();
  for (const d of documents) {
    const approved = d.workflow?.approvedVersion;
    if (d.id === query.excludeDocumentId || approved == null) continue;
    const version = d.versions.find((v) => v.version === approved);
    for (const { indicator } of version ? listIndicatorSites(version.document) : []) {
      const annual = indicator.annualTarget;
      if (!names.has(indicator.name) || typeof annual?.value !== 'number') continue;
      const unit = annual.unit ?? '';
      const key = `${indicator.name}\u0000${unit}`;
      const group = groups.get(key) ?? { name: indicator.name, unit, values: [], departments: new Set() };
      group.values.push(annual.value);
      group.departments.add(d.departmentId);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => {
    const sorted = [...g.values].sort((a, b) => a - b);
    return { name: g.name, unit: g.unit, count: sorted.length, departments: g.departments.size, min: decimalText(sorted[0]!), p25: decimalText(percentile(sorted, 0.25)), median: decimalText(percentile(sorted, 0.5)), p75: decimalText(percentile(sorted, 0.75)), max: decimalText(sorted.at(-1)!) };
  });
}

export function memoryStore(options: { clock?: () => Date } = {}): MemoryStore {
  let state: State = { next: 1, departments: [], documents: [], decisions: [], evaluations: [], scores: [], ruleSets: [], activations: [], transitions: [], locks: [], audit: [], resultsUse: [], rectifications: [], rectificationTransitions: [], attachments: [], warnings: [] };
  const now = () => (options.clock ?? (() => new Date()))().toISOString();
  const id = () => state.next++;

  const documentOf = (documentId: number) => {
    const d = state.documents.find((x) => x.id === documentId);
    if (!d) throw notFound('文档', documentId);
    return d;
  };
  const departmentName = (departmentId: number | null) => state.departments.find((x) => x.id === departmentId)?.name ?? null;

  function summary(d: StoredDocument, v: StoredVersion = current(d)): DocumentSummary {
    return {
      id: d.id,
      kind: v.document.kind,
      title: d.title,
      departmentId: d.departmentId,
      department: departmentName(d.departmentId),
      year: d.year,
      fileName: v.fileName,
      layout: v.document.source?.layout ?? 'unknown',
      version: v.version,
      versionCount: d.versions.length,
      sha256: v.sha256,
      importedAt: v.at,
      projectCount: listProjects(v.document).length,
      indicatorCount: countIndicators(v.document),
      problemCount: v.document.problems.length,
      unitNames: [...new Set(v.document.units.map((u) => u.name))].sort(),
      importedBy: v.createdBy,
      targetStatus: v.document.kind === 'project-targets' || v.document.kind === 'department-targets' ? (d.workflow?.status ?? 'draft') : null,
      approvedVersion: d.workflow?.approvedVersion ?? null,
    };
  }

  const evaluationOf = (evaluationId: number) => {
    const e = state.evaluations.find((x) => x.id === evaluationId);
    if (!e) throw notFound('监控或自评记录', evaluationId);
    return e;
  };
  const evaluationWorkflow = (e: State['evaluations'][number]) => ({
    evaluationId: e.id,
    documentId: e.documentId,
    departmentId: documentOf(e.documentId).departmentId,
    kind: e.kind,
    period: e.period,
    status: e.status,
    revision: e.revision,
    updatedBy: e.updatedBy,
    updatedAt: e.updatedAt,
    publishedAt: e.publishedAt,
    publishedBy: e.publishedBy,
  });
  const asStored = (e: State['evaluations'][number]): StoredEvaluation => {
    const { publishedAt: _at, publishedBy: _by, ...rest } = e;
    return structuredClone(rest);
  };

  function transition(objectType: StoredTransition['objectType'], objectId: number, by: ActedBy, record: Omit<StoredTransition, 'id' | 'objectType' | 'objectId' | 'by' | 'at'>): StoredTransition {
    const t: StoredTransition = { ...record, id: id(), objectType, objectId, by, at: now() };
    state.transitions.push(t);
    return t;
  }

  const repositories: Repositories = {
    documents: {
      async saveImport(input) {
        const { document: doc, year, fileName, sha256 } = input;
        const department = departmentNameOf(doc);
        const key = `${doc.kind}|${department ?? ''}|${year}|${fileName.toLowerCase()}`;
        let d = state.documents.find((x) => x.key === key);
        if (d && input.guard) input.guard(target(d));
        const counts = { projectCount: listProjects(doc).length, indicatorCount: countIndicators(doc) };
        if (d && current(d).sha256 === sha256) return { status: 'unchanged', documentId: d.id, version: current(d).version, departmentId: d.departmentId, ...counts };
        let departmentId: number | null = null;
        if (department !== null) {
          departmentId = state.departments.find((x) => x.name === department)?.id ?? null;
          if (departmentId === null) {
            departmentId = id();
            state.departments.push({ id: departmentId, name: department });
          }
        }
        if (!d) {
          d = { id: id(), key, title: `${department ?? ''}${year}年${doc.kind}`, departmentId, year, versions: [], workflow: null, published: null };
          state.documents.push(d);
        }
        const version = d.versions.length + 1;
        d.versions.push({ version, document: structuredClone(doc), sha256, fileName, createdBy: input.createdBy ?? null, at: now() });
        return { status: version === 1 ? 'created' : 'new-version', documentId: d.id, version, departmentId, ...counts };
      },
      async listDocuments(filter = {}) {
        return state.documents
          .filter((d) => (filter.departmentId === undefined || d.departmentId === filter.departmentId) && (filter.year === undefined || d.year === filter.year))
          .filter((d) => !filter.inDepartments || (d.departmentId !== null && filter.inDepartments.includes(d.departmentId)))
          .map((d) => summary(d));
      },
      async pageDocuments(query) {
        const words = query.search?.toLowerCase();
        const all = (await repositories.documents.listDocuments(query))
          .filter((d) => query.documentId === undefined || d.id === query.documentId)
          .filter((d) => query.kind === undefined || (query.kind === 'targets') === isTargets(d))
          .filter((d) => query.status === undefined || d.targetStatus === query.status)
          .filter((d) => !words || `${d.title} ${d.department ?? ''} ${d.fileName ?? ''}`.toLowerCase().includes(words));
        const sorted = query.order === 'recent' ? [...all].sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id) : query.order === 'department' ? [...all].sort((a, b) => (a.department ?? '\uffff').localeCompare(b.department ?? '\uffff') || a.id - b.id) : all;
        const from = query.after !== undefined && (query.order ?? 'id') === 'id' ? sorted.filter((d) => d.id > query.after!) : sorted.slice(query.offset ?? 0);
        return { items: from.slice(0, query.limit), total: all.length };
      },
      packImport: (packedFor) => ({ packedFor }),
      async getDocument(documentId, version) {
        const d = documentOf(documentId);
        const v = version === undefined ? current(d) : d.versions.find((x) => x.version === version);
        if (!v) throw new AppError('NOT_FOUND', `文档 ${documentId} 没有第 ${version} 版。`);
        return { summary: summary(d, v), document: structuredClone(v.document) };
      },
    },
    catalog: {
      async listDepartmentNames(scope = {}) {
        return state.departments.filter((x) => !scope.inDepartments || scope.inDepartments.includes(x.id)).map((x) => ({ id: x.id, name: x.name })).sort((a, b) => a.name.localeCompare(b.name));
      },
      async listDepartments(query) {
        return state.departments
          .filter((x) => !query.inDepartments || query.inDepartments.includes(x.id))
          .map((x) => ({ id: x.id, name: x.name, code: null, unitCount: 0, documentCount: 0, projectCount: 0, indicatorCount: 0 }) as never);
      },
      getDepartment: missing('catalog.getDepartment'),
      listUnits: missing('catalog.listUnits'),
      listProjects: missing('catalog.listProjects'),
      getProject: missing('catalog.getProject'),
      listIndicators: missing('catalog.listIndicators'),
      indicatorLibrary: missing('catalog.indicatorLibrary'),
      async targetBenchmarks(query) {
        return benchmarksOf(state.documents, query);
      },
    },
    reviews: {
      async listDecisions(documentId) {
        return structuredClone(state.decisions.filter((x) => x.documentId === documentId));
      },
      async saveDecision(input) {
        const d = documentOf(input.documentId);
        if (!d.versions.some((v) => v.version === input.version)) throw new AppError('NOT_FOUND', `文档 ${input.documentId} 没有第 ${input.version} 版。`);
        const saved: StoredReviewDecision = { id: id(), documentId: input.documentId, version: input.version, type: input.type, findingKey: input.findingKey ?? null, reason: input.reason ?? null, finding: input.finding ?? null, conclusion: input.conclusion ?? null, by: input.by, at: now() };
        state.decisions.push(saved);
        return structuredClone(saved);
      },
    },
    ruleSets: {
      async listRuleSets() {
        return structuredClone(state.ruleSets);
      },
      async getRuleSet(ruleSetId, version) {
        return structuredClone(state.ruleSets.find((s) => s.ruleSet.id === ruleSetId && s.ruleSet.version === version) ?? null);
      },
      async saveRuleSet(ruleSet, by) {
        if (state.ruleSets.some((s) => s.ruleSet.id === ruleSet.id && s.ruleSet.version === ruleSet.version)) throw new AppError('CONFLICT', `规则集 ${ruleSet.id}@${ruleSet.version} 已存在。`);
        const stored: StoredRuleSet = { ruleSet: structuredClone(ruleSet), createdBy: by, createdAt: now() };
        state.ruleSets.push(stored);
        return structuredClone(stored);
      },
      async listActivations() {
        return structuredClone(state.activations);
      },
      async saveActivation(input) {
        const a: RuleSetActivation = { id: id(), scheme: input.scheme, region: input.region, year: input.year, ruleSet: `${input.id}@${input.version}`, by: input.by, at: now() };
        state.activations.push(a);
        return structuredClone(a);
      },
    },
    evaluations: {
      async listEvaluations(filter = {}) {
        return state.evaluations
          .filter((e) => (filter.documentId === undefined || e.documentId === filter.documentId) && (filter.kind === undefined || e.kind === filter.kind))
          .filter((e) => !filter.inDepartments || filter.inDepartments.includes(documentOf(e.documentId).departmentId ?? -1))
          .map((e) => {
            const d = documentOf(e.documentId);
            const latest = d.versions.at(-1)!;
            return { ...asStored(e), documentTitle: d.title, documentKind: latest.document.kind, department: state.departments.find((x) => x.id === d.departmentId)?.name ?? null };
          });
      },
      async getEvaluation(evaluationId) {
        return asStored(evaluationOf(evaluationId));
      },
      async findEvaluation(documentId, kind, period) {
        const e = state.evaluations.find((x) => x.documentId === documentId && x.kind === kind && x.period === period);
        return e ? asStored(e) : null;
      },
      async createEvaluation(input) {
        const d = documentOf(input.documentId);
        if (!d.versions.some((v) => v.version === input.targetVersion)) throw new AppError('NOT_FOUND', `文档 ${input.documentId} 没有第 ${input.targetVersion} 版。`);
        if (state.evaluations.some((x) => x.documentId === input.documentId && x.kind === input.kind && x.period === input.period)) throw new AppError('CONFLICT', `该文档 ${input.period} 的记录已存在。`);
        const at = now();
        const e = { id: id(), documentId: input.documentId, targetVersion: input.targetVersion, kind: input.kind, period: input.period, status: 'draft' as const, entries: structuredClone(input.entries), report: null, revision: 1, createdBy: input.by, createdAt: at, updatedBy: input.by, updatedAt: at, publishedBy: null, publishedAt: null };
        state.evaluations.push(e);
        return asStored(e);
      },
      async saveEvaluation(input) {
        const e = evaluationOf(input.id);
        if (e.revision !== input.baseRevision) {
          throw new AppError('CONFLICT', `保存未成功：已由 ${e.updatedBy} 于 ${e.updatedAt} 修改（第 ${e.revision} 版）。`, { revision: e.revision, updatedBy: e.updatedBy, updatedAt: e.updatedAt });
        }
        if (input.entries !== undefined) e.entries = structuredClone(input.entries);
        if (input.report !== undefined) e.report = structuredClone(input.report);
        if (input.status !== undefined) e.status = input.status;
        Object.assign(e, { revision: e.revision + 1, updatedBy: input.by, updatedAt: now() });
        return asStored(e);
      },
      async saveScore(input) {
        const s: StoredEvaluationScore = { ...structuredClone(input), id: id(), scoredAt: now() };
        state.scores.push(s);
        return structuredClone(s);
      },
      async listScores(evaluationId) {
        return structuredClone(state.scores.filter((s) => s.evaluationId === evaluationId));
      },
    },
    users: { listUsers: async () => [], findForSignIn: missing('users.findForSignIn'), getUser: missing('users.getUser'), createUser: missing('users.createUser'), updateUser: missing('users.updateUser'), setPasswordHash: missing('users.setPasswordHash'), removeDemoUsers: async () => 0 } as never,
    sessions: new Proxy({}, { get: (_t, name) => missing(`sessions.${String(name)}`) }) as never,
    signInFailures: new Proxy({}, { get: (_t, name) => missing(`signInFailures.${String(name)}`) }) as never,
    audit: {
      async append(entry: AuditEntry) {
        const stored: StoredAuditEntry = { ...structuredClone(entry), id: id(), at: now() };
        state.audit.push(stored);
        return structuredClone(stored);
      },
      async listAudit(query) {
        const items = state.audit.filter((a) => (!query.action || (query.action.endsWith('.') ? a.action.startsWith(query.action) : a.action === query.action)) && (!query.objectId || a.objectId === query.objectId));
        const newest = items.reverse();
        const from = query.before === undefined ? 0 : newest.findIndex((a) => a.id < query.before!);
        return { items: structuredClone(from < 0 ? [] : newest.slice(from, from + query.limit)), total: items.length, capped: false };
      },
    },
    workflow: {
      async getTargetWorkflow(documentId) {
        return target(documentOf(documentId));
      },
      async listTargetWorkflows(scope) {
        const inScope = (d: StoredDocument) => !scope.inDepartments || (d.departmentId !== null && scope.inDepartments.includes(d.departmentId));
        return state.documents
          .filter((d) => inScope(d) && (current(d).document.kind === 'project-targets' || current(d).document.kind === 'department-targets'))
          .map((d) => ({ ...target(d), title: d.title, kind: current(d).document.kind, department: departmentName(d.departmentId), year: d.year }));
      },
      async listEvaluationWorkflows(scope) {
        return state.evaluations
          .map((e) => ({ e, d: documentOf(e.documentId) }))
          .filter(({ d }) => !scope.inDepartments || (d.departmentId !== null && scope.inDepartments.includes(d.departmentId)))
          .map(({ e, d }) => ({ ...evaluationWorkflow(e), documentTitle: d.title, department: departmentName(d.departmentId), year: d.year }));
      },
      async transitionTarget(documentId, by, decide) {
        const d = documentOf(documentId);
        const before = target(d);
        const { next, record } = decide(before);
        d.workflow = { ...next, revision: before.revision + 1, updatedBy: by.displayName, updatedAt: now() };
        return { state: target(d), transition: transition('document', documentId, by, record) };
      },
      async getEvaluationWorkflow(evaluationId) {
        return evaluationWorkflow(evaluationOf(evaluationId));
      },
      async transitionEvaluation(evaluationId, by, decide) {
        const e = evaluationOf(evaluationId);
        const record = decide(evaluationWorkflow(e), state.locks);
        Object.assign(e, { status: record.to, revision: e.revision + 1, updatedBy: by.displayName, updatedAt: now() });
        return { state: evaluationWorkflow(e), transition: transition('evaluation', evaluationId, by, record) };
      },
      async listTransitions(objectType, objectId) {
        return structuredClone(state.transitions.filter((t) => t.objectType === objectType && t.objectId === objectId));
      },
      async listPeriodLocks() {
        return structuredClone(state.locks);
      },
      async setPeriodLock(input, decide) {
        const { reason } = decide(state.locks);
        const lock: PeriodLock = { period: input.period, locked: input.locked, reason, by: input.by.displayName, at: now() };
        state.locks.push(lock);
        return structuredClone(lock);
      },
      async publishTargets(documentId, by, decide) {
        const d = documentOf(documentId);
        d.published = { version: decide(target(d)), by: by.displayName, at: now() };
        return target(d);
      },
      async withdrawTargetsPublication(documentId, _by, _reason, decide) {
        const d = documentOf(documentId);
        decide(target(d));
        d.published = null;
        return target(d);
      },
      async publishEvaluation(evaluationId, by, decide) {
        const e = evaluationOf(evaluationId);
        decide(evaluationWorkflow(e));
        Object.assign(e, { publishedBy: by.displayName, publishedAt: now() });
        return evaluationWorkflow(e);
      },
      async withdrawEvaluationPublication(evaluationId, _by, _reason, decide) {
        const e = evaluationOf(evaluationId);
        decide(evaluationWorkflow(e));
        Object.assign(e, { publishedBy: null, publishedAt: null });
        return evaluationWorkflow(e);
      },
      listPublished: missing('workflow.listPublished'),
      getPublishedTargets: missing('workflow.getPublishedTargets'),
      getPublishedSelfEvaluation: missing('workflow.getPublishedSelfEvaluation'),
    },
    scope: {
      async departmentOf(object, objectId) {
        if (object === 'department') return state.departments.some((x) => x.id === objectId) ? objectId : undefined;
        if (object === 'document') return state.documents.find((x) => x.id === objectId)?.departmentId;
        if (object === 'rectification') return state.rectifications.find((x) => x.id === objectId)?.departmentId;
        if (object === 'attachment') return state.attachments.find((x) => x.id === objectId)?.departmentId;
        if (object === 'evaluation') {
          const e = state.evaluations.find((x) => x.id === objectId);
          return e && documentOf(e.documentId).departmentId;
        }
        return missing(`scope.departmentOf(${object})`)();
      },
    },
    withdrawal: { withdrawDraft: missing('withdrawal.withdrawDraft') },
    rectifications: memoryRectifications(),
    attachments: memoryAttachments(),
    jobs: new Proxy({}, { get: (_t, name) => missing(`jobs.${String(name)}`) }) as never,
    resultsUse: {
      async listDecisions({ documentIds }) {
        return structuredClone(state.resultsUse.filter((d) => documentIds.includes(d.documentId)));
      },
      async saveDecision(input) {
        documentOf(input.documentId);
        const saved: StoredResultsUseDecision = { ...structuredClone(input), id: id(), at: now() };
        state.resultsUse.push(saved);
        return structuredClone(saved);
      },
    },
    dashboard: {
      async dashboardYears(filter) {
        return [...new Set(state.documents.filter((d) => shown(d, filter)).map((d) => d.year))].sort((a, b) => a - b);
      },
      async dashboardDocuments(query) {
        const all = state.documents
          .filter((d) => shown(d, query) && query.years.includes(d.year) && query.kinds.includes(current(d).document.kind))
          .sort((a, b) => current(b).at.localeCompare(current(a).at) || b.id - a.id);
        const items = all.slice(0, query.limit).map((d) => {
          const v = current(d);
          return { id: d.id, kind: v.document.kind, title: d.title, departmentId: d.departmentId!, department: departmentName(d.departmentId)!, year: d.year, version: v.version, sha256: v.sha256, document: structuredClone(v.document), projects: [] };
        });
        return { items, total: all.length };
      },
      async latestMonitoring(query) {
        const latest = new Map<number, State['evaluations'][number]>();
        for (const e of state.evaluations) {
          const d = documentOf(e.documentId);
          if (e.kind !== 'monitoring' || d.year !== query.year || !shown(d, query)) continue;
          if ((latest.get(d.id)?.period ?? '') < e.period) latest.set(d.id, e);
        }
        return [...latest.values()].map((e) => {
          const d = documentOf(e.documentId);
          const v = d.versions.find((x) => x.version === e.targetVersion)!;
          return { evaluationId: e.id, documentId: d.id, title: d.title, departmentId: d.departmentId!, department: departmentName(d.departmentId)!, period: e.period, entries: structuredClone(e.entries), document: structuredClone(v.document), projects: [] };
        });
      },
      async keptScores(query) {
        return state.evaluations
          .filter((e) => e.kind === 'self-evaluation' && query.years.includes(Number(e.period)) && shown(documentOf(e.documentId), query))
          .flatMap((e) => {
            const s = state.scores.filter((x) => x.evaluationId === e.id).at(-1);
            const d = documentOf(e.documentId);
            return s ? [{ evaluationId: e.id, documentId: d.id, title: d.title, departmentId: d.departmentId!, department: departmentName(d.departmentId)!, year: Number(e.period), total: s.total, grade: s.grade }] : [];
          });
      },
      async reviewDecisionsOf(documentIds) {
        return structuredClone(state.decisions.filter((x) => documentIds.includes(x.documentId)));
      },
    },
    monitoringWarnings: {
      async issueWarnings(warnings) {
        for (const w of warnings) {
          if (!state.evaluations.some((e) => e.id === w.evaluationId)) throw new AppError('NOT_FOUND', `找不到编号为 ${w.evaluationId} 的运行监控。`);
          if (state.warnings.some((x) => x.evaluationId === w.evaluationId && x.key === w.key)) continue;
          state.warnings.push({ ...structuredClone(w), id: id(), issuedAt: now(), responses: [] });
        }
        const ids = new Set(warnings.map((w) => w.evaluationId));
        return structuredClone(state.warnings.filter((x) => ids.has(x.evaluationId)));
      },
      async listWarnings({ evaluationIds }) {
        return structuredClone(state.warnings.filter((x) => evaluationIds.includes(x.evaluationId)));
      },
      async respond(input) {
        const w = state.warnings.find((x) => x.id === input.warningId);
        if (!w) throw new AppError('NOT_FOUND', `找不到编号为 ${input.warningId} 的监控预警。`, { warningId: input.warningId });
        const saved = { ...structuredClone(input), id: id(), at: now() };
        w.responses.push(saved);
        return structuredClone(saved);
      },
    },
  };

  function rectificationOf(itemId: number): StoredRectification {
    const item = state.rectifications.find((x) => x.id === itemId);
    if (!item) throw notFound('整改事项', itemId);
    return item;
  }
  function attachmentOf(attachmentId: number) {
    const a = state.attachments.find((x) => x.id === attachmentId);
    if (!a) throw notFound('佐证材料', attachmentId);
    return a;
  }

  function memoryRectifications(): RectificationStore {
    return {
      async create(draft, by) {
        const at = now();
        const item: StoredRectification = {
          id: id(),
          ...structuredClone(draft),
          department: departmentName(draft.departmentId),
          status: 'draft',
          round: 0,
          revision: 1,
          createdBy: by.displayName,
          createdAt: at,
          updatedBy: by.displayName,
          updatedAt: at,
          issuedAt: null,
          verifiedAt: null,
        };
        state.rectifications.push(item);
        return structuredClone(item);
      },
      async get(itemId) {
        return structuredClone(rectificationOf(itemId));
      },
      async list(query) {
        const items = state.rectifications
          .filter(
            (r) =>
              inScopeOf(query, r.departmentId) &&
              (!query.status || r.status === query.status) &&
              (!query.departmentId || r.departmentId === query.departmentId) &&
              (!query.overdueOn || ((r.status === 'issued' || r.status === 'returned') && r.deadline < query.overdueOn)) &&
              (!query.search || [r.problem, r.unitName, r.projectName ?? ''].some((t) => t.includes(query.search!))),
          )
          .reverse();
        return { items: structuredClone(items.slice(query.offset, query.offset + query.limit)), total: items.length };
      },
      async listOpen(scope) {
        return structuredClone(
          state.rectifications
            .filter((r) => r.status !== 'verified' && inScopeOf(scope, r.departmentId))
            .filter((r) => (!scope.departmentId || r.departmentId === scope.departmentId) && (!scope.documentId || r.source.documentId === scope.documentId) && (!scope.projectName || r.projectName === scope.projectName))
            .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id),
        );
      },
      async findBySource(source) {
        const found = state.rectifications.filter((r) => r.source.kind === source.kind && r.source.documentId === source.documentId && r.source.evaluationId === source.evaluationId && r.source.key === source.key).at(-1);
        return found ? structuredClone(found) : null;
      },
      async transition(itemId, by, decide, files) {
        const item = rectificationOf(itemId);
        const record = decide(structuredClone(item));
        const at = now();
        const ids = files.map((f) => {
          const stored = { ...structuredClone(f), ownerKind: 'rectification' as const, ownerId: itemId, departmentId: item.departmentId, id: id(), size: f.bytes.byteLength, by, at };
          state.attachments.push(stored);
          return stored.id;
        });
        Object.assign(item, {
          status: record.to,
          round: record.round,
          revision: item.revision + 1,
          updatedBy: by.displayName,
          updatedAt: at,
          ...(record.action === 'issue' ? { issuedAt: at } : {}),
          ...(record.action === 'verify' ? { verifiedAt: at } : {}),
        });
        const moved: StoredRectificationTransition = { ...record, id: id(), itemId, attachmentIds: ids, by, at };
        state.rectificationTransitions.push(moved);
        return { item: structuredClone(item), transition: structuredClone(moved) };
      },
      async listTransitions(itemId) {
        return structuredClone(state.rectificationTransitions.filter((t) => t.itemId === itemId));
      },
    };
  }

  function memoryAttachments(): AttachmentStore {
    return {
      async add(a, by) {
        const stored = { ...structuredClone(a), id: id(), size: a.bytes.byteLength, by, at: now() };
        state.attachments.push(stored);
        return withoutBytes(stored);
      },
      async listFor(ownerKind, ownerId) {
        return state.attachments.filter((a) => a.ownerKind === ownerKind && a.ownerId === ownerId).map(withoutBytes);
      },
      async get(attachmentId) {
        return withoutBytes(attachmentOf(attachmentId));
      },
      async content(attachmentId) {
        return attachmentOf(attachmentId).bytes.slice();
      },
    };
  }

  const store: MemoryStore = {
    ...repositories,
    async transaction(work) {
      const saved = structuredClone(state);
      try {
        return await work(store);
      } catch (e) {
        state = saved;
        throw e;
      }
    },
    state: () => state,
  };
  return store;
}
