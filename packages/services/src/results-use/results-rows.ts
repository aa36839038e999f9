/**
 * The rows of results use (R11) for a set of year-N documents (targets, and imported self-evaluations once self-evaluated): each project (a department's targets: the
 * department as a whole) with its budget, the latest kept self-evaluation score and grade, the target review
 * conclusion finance approved the targets with, its open rectification items, the suggestion the core draws
 * from them by the results-use rule set, and the finance reviewer's decisions. Read-only; shared by the table, the
 * workbook, a decision and next year's review page.
 */
import type { ResultsUseDecisionDto, ResultsUseRowDto } from '@jixiao/contract';
import {
  fromFen,
  projectTotal,
  scopeOf,
  RESULTS_USE_STATE_LABELS,
  stateOfDecision,
  suggestBudgetUse,
  suggestionRule,
  toFen,
  type PerformanceDocument,
  type ResultsUseSettings,
  type RuleSet,
  type SelfEvaluationScore,
} from '@jixiao/core';
import type { DocumentStore, DocumentSummary, EvaluationStore, ReviewStore, StoredEvaluationScore } from '../ports';
import { resolveRuleSet, type RuleSetStore } from '../rule-sets/rule-sets';
import type { WorkflowStore } from '../workflow/ports';
import type { OpenRectificationItem, ResultsUseStore, StoredResultsUseDecision } from './ports';
import type { RectificationStore } from '../rectification/ports';

export interface ResultsUseDeps {
  store: { documents: DocumentStore; evaluations: EvaluationStore; reviews: ReviewStore; ruleSets: RuleSetStore; workflow: WorkflowStore; resultsUse: ResultsUseStore; rectifications: Pick<RectificationStore, 'listOpen'> };
}

/** The key of a department's targets as a whole (its one row). */
export const DEPARTMENT_KEY = 'd';

const TARGET_KINDS = new Set(['project-targets', 'department-targets']);

/** Targets always have a row; an imported self-evaluation document has one once it is self-evaluated here. */
const hasRows = (s: Pick<DocumentSummary, 'id' | 'kind'>, selfEvaluations: ReadonlyMap<number, number>): boolean => TARGET_KINDS.has(s.kind) || selfEvaluations.has(s.id);

/** 万元, exact through fen (decision 002). */
function wan(amount: number | null | undefined, doc: PerformanceDocument): number | null {
  if (amount == null) return null;
  return fromFen(toFen(amount, doc.amountUnit), '万元');
}

interface ProjectLine {
  key: string;
  unit: string;
  project: string;
  code: string | null;
  budgetWan: number | null;
}

/** The projects of a target version, keyed as the self-evaluation scores them (`u0.p3`); a department's whole as `d`. */
export function projectLines(doc: PerformanceDocument, department: string | null): ProjectLine[] {
  if (scopeOf(doc) === 'department') {
    const budget = doc.budget?.initial ?? doc.profile?.budgetTotal ?? doc.statedTotal ?? null;
    return [{ key: DEPARTMENT_KEY, unit: department ?? doc.department ?? '（未写部门）', project: '部门整体支出', code: null, budgetWan: wan(budget, doc) }];
  }
  return doc.units.flatMap((unit, u) => unit.projects.map((p, i) => ({ key: `u${u}.p${i}`, unit: unit.name, project: p.name, code: p.code, budgetWan: wan(p.amount, doc) })));
}

function gradeOf(score: SelfEvaluationScore | null, key: string): { total: number | null; grade: string | null } | null {
  if (!score) return null;
  if (score.scope === 'department') return key === DEPARTMENT_KEY ? { total: score.total, grade: score.grade } : null;
  const project = score.projects.find((p) => p.key === key);
  return project ? { total: projectTotal(project.score), grade: project.score.grade } : null;
}

function decisionDto(d: StoredResultsUseDecision, settings: ResultsUseSettings): ResultsUseDecisionDto {
  return {
    id: d.id,
    kind: d.kind,
    suggestion: d.suggestion,
    label: suggestionRule(settings, d.suggestion)?.label ?? d.suggestion,
    computed: d.computed,
    computedLabel: d.computed === null ? null : (suggestionRule(settings, d.computed)?.label ?? d.computed),
    reason: d.reason,
    ruleSet: `${d.ruleSet.id}@${d.ruleSet.version}`,
    by: d.by,
    at: d.at,
  };
}

/** What one document brings: its summary, the version its projects are read from, its results. */
interface DocumentResults {
  summary: DocumentSummary;
  lines: ProjectLine[];
  evaluation: { id: number; kept: StoredEvaluationScore | null } | null;
  reviewConclusion: string | null;
}

async function resultsOf(deps: ResultsUseDeps, summary: DocumentSummary, selfEvaluations: Map<number, number>): Promise<DocumentResults> {
  const { store } = deps;
  const evaluationId = selfEvaluations.get(summary.id);
  const evaluation = evaluationId === undefined ? null : await store.evaluations.getEvaluation(evaluationId);
  const workflow = await store.workflow.getTargetWorkflow(summary.id);
  // The projects as the self-evaluation scored them (its frozen version), else as approved, else as they stand.
  const version = evaluation?.targetVersion ?? workflow.approvedVersion ?? summary.version;
  const { document } = await store.documents.getDocument(summary.id, version);
  const kept = evaluation ? ((await store.evaluations.listScores(evaluation.id)).at(-1) ?? null) : null;
  // The review's conclusion is the one finance approved the targets with (kept on the 批复 transition): before the
  // approval the review is still going on, and a later adjustment draft is a new round that does not change it.
  const approval = workflow.approvedVersion === null ? undefined : (await store.workflow.listTransitions('document', summary.id)).filter((t) => t.action === 'approve' && t.version === workflow.approvedVersion).at(-1);
  const reviewConclusion = approval?.conclusion ?? null;
  return { summary, lines: projectLines(document, summary.department), evaluation: evaluation ? { id: evaluation.id, kept } : null, reviewConclusion };
}

/** The results-use rule set of the year for a department's region (the one activated for it, else the built-in one). */
export function resultsUseRuleSet(deps: ResultsUseDeps, year: number, department: string | null): Promise<RuleSet<ResultsUseSettings>> {
  return resolveRuleSet<ResultsUseSettings>(deps, { scheme: 'results-use', region: department ?? '全国', year });
}

/** The rows of these documents (an imported self-evaluation never self-evaluated here is skipped), in document and project order. */
/**
 * The projects' rectification items not yet verified (整改, decision 032), matched by department and project name:
 * a project has no key that stays the same across years, and an item names the project it is about.
 */
async function openRectificationsOf(deps: ResultsUseDeps, documents: readonly DocumentResults[]): Promise<OpenRectificationItem[]> {
  const departments = [...new Set(documents.map((d) => d.summary.departmentId).filter((id): id is number => id !== null))];
  const items = (await Promise.all(departments.map((departmentId) => deps.store.rectifications.listOpen({ departmentId })))).flat();
  return documents.flatMap(({ summary, lines }) =>
    lines.flatMap((line) =>
      items
        .filter((i) => i.departmentId === summary.departmentId && i.projectName !== null && i.projectName.trim() === line.project.trim())
        .map((i) => ({ documentId: summary.id, projectKey: line.key, title: i.problem.length > 40 ? `${i.problem.slice(0, 40)}…` : i.problem })),
    ),
  );
}

export async function resultsRows(deps: ResultsUseDeps, summaries: readonly DocumentSummary[], ruleSet: RuleSet<ResultsUseSettings>): Promise<ResultsUseRowDto[]> {
  if (summaries.length === 0) return [];
  const { store } = deps;
  const selfEvaluations = new Map<number, number>();
  const wanted = new Set(summaries.map((t) => t.id));
  for (const e of await store.evaluations.listEvaluations({ kind: 'self-evaluation' })) if (wanted.has(e.documentId)) selfEvaluations.set(e.documentId, e.id);
  const targets = summaries.filter((s) => hasRows(s, selfEvaluations));
  if (targets.length === 0) return [];
  const documents: DocumentResults[] = [];
  for (const summary of targets) documents.push(await resultsOf(deps, summary, selfEvaluations));
  const open = await openRectificationsOf(deps, documents);
  const decisions = await store.resultsUse.listDecisions({ documentIds: targets.map((t) => t.id) });
  const { settings } = ruleSet;
  return documents.flatMap(({ summary, lines, evaluation, reviewConclusion }) =>
    lines.map((line): ResultsUseRowDto => {
      const score = evaluation?.kept ? gradeOf(evaluation.kept.result as SelfEvaluationScore, line.key) : null;
      const openItems = open.filter((o) => o.documentId === summary.id && o.projectKey === line.key);
      const suggestion = suggestBudgetUse({ selfEvaluationGrade: score?.grade ?? null, reviewConclusion, evaluationGrade: null, openRectifications: openItems }, ruleSet);
      const history = decisions.filter((d) => d.documentId === summary.id && d.projectKey === line.key).map((d) => decisionDto(d, settings));
      const decision = history.at(-1) ?? null;
      const state = stateOfDecision(decision?.kind ?? null);
      return {
        documentId: summary.id,
        projectKey: line.key,
        year: summary.year ?? 0,
        departmentId: summary.departmentId,
        department: summary.department,
        unit: line.unit,
        project: line.project,
        code: line.code,
        budgetWan: line.budgetWan,
        selfEvaluation:
          evaluation?.kept && score
            ? { evaluationId: evaluation.id, total: score.total, grade: score.grade, ruleSet: `${evaluation.kept.ruleSet.id}@${evaluation.kept.ruleSet.version}`, scoredAt: evaluation.kept.scoredAt }
            : null,
        reviewConclusion,
        evaluationGrade: null,
        openRectifications: openItems.length,
        suggestion,
        state,
        stateLabel: RESULTS_USE_STATE_LABELS[state],
        decision,
        suggestionChanged: decision !== null && decision.computed !== suggestion.suggestion,
        history,
      };
    }),
  );
}

/** What a decision keeps of the row it was made on (the results at that moment). */
export function basisOf(row: ResultsUseRowDto): Record<string, unknown> {
  return {
    selfEvaluation: row.selfEvaluation,
    reviewConclusion: row.reviewConclusion,
    evaluationGrade: row.evaluationGrade,
    openRectifications: row.openRectifications,
    suggestion: row.suggestion.suggestion,
    rule: row.suggestion.rule,
    reasons: row.suggestion.reasons,
  };
}
