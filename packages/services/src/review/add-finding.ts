/**
 * The reviewer adds a finding the checks did not make: its problem type (a check id, so it is scored and labelled
 * like the automated ones), dimension, severity, place, message and suggestion. The place is checked against the
 * document: a project, unit, key task or indicator number that is not in it is refused.
 */
import { randomBytes } from 'node:crypto';
import { refuseUnlessReviewOpen } from './review-open';
import type { AddFindingRequest, DocumentReviewDto } from '@jixiao/contract';
import { ruleSetRef, type Finding, type FindingLocation, type PerformanceDocument } from '@jixiao/core';
import { changedBy, recordChange, type ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { decisionShape } from './decision-audit';
import { loadReview, reviewerName, reviewWith, toReviewDto } from './review-state';

export type AddFindingInput = Omit<AddFindingRequest, 'suggestion' | 'evidence'> & { documentId: number; suggestion?: string | undefined; evidence?: string | undefined; /** The name kept with the finding; default the signed-in reviewer's (never taken from the request). */ by?: string };

const bad = (message: string) => new AppError('BAD_INPUT', message);

/** Checks the place against the document and completes it (the indicator's name, the project's unit). */
export function settleLocation(doc: PerformanceDocument, input: AddFindingInput['location']): FindingLocation {
  const location: FindingLocation = {};
  const unitName = input.unit?.trim() || undefined;
  const projectName = input.project?.trim() || undefined;
  const keyTaskName = input.keyTask?.trim() || undefined;
  if (unitName) {
    if (!doc.units.some((u) => u.name === unitName)) throw bad(`文档中没有名为「${unitName}」的预算单位。`);
    location.unit = unitName;
  }
  let indicators: Array<{ no: number; name: string }> | undefined;
  if (projectName) {
    const units = doc.units.filter((u) => !unitName || u.name === unitName);
    const hits = units.flatMap((u) => u.projects.filter((p) => p.name === projectName).map((p) => ({ unit: u, project: p })));
    const hit = hits[0];
    if (!hit) throw bad(`文档中${unitName ? `「${unitName}」下` : ''}没有名为「${projectName}」的项目。`);
    location.unit = hit.unit.name;
    location.project = projectName;
    indicators = hit.project.indicators;
  } else if (keyTaskName) {
    const task = (doc.keyTasks ?? []).find((t) => t.name === keyTaskName);
    if (!task) throw bad(`文档中没有名为「${keyTaskName}」的重点任务。`);
    location.keyTask = keyTaskName;
    indicators = task.indicators ?? [];
  } else if (input.indicator !== undefined) {
    indicators = doc.indicators ?? [];
  }
  if (input.indicator !== undefined) {
    const indicator = indicators?.find((i) => i.no === input.indicator);
    if (!indicator) throw bad(`${projectName ? `项目「${projectName}」` : keyTaskName ? `任务「${keyTaskName}」` : '部门整体指标'}中没有第 ${input.indicator} 个指标。`);
    location.indicator = indicator.no;
    location.indicatorName = indicator.name;
  }
  const field = input.field?.trim();
  if (field) location.field = field;
  return location;
}

export async function addFinding(deps: CommandDeps, who: ChangeContext, input: AddFindingInput): Promise<DocumentReviewDto> {
  const by = reviewerName(input.by ?? changedBy(who));
  const message = input.message.trim();
  if (!message) throw bad('请写明问题是什么。');
  const state = await loadReview(deps, input.documentId);
  const finding: Finding = {
    key: `manual:${randomBytes(8).toString('hex')}`,
    check: input.check,
    severity: input.severity,
    dimension: input.dimension,
    location: settleLocation(state.document, input.location),
    message,
    suggestion: input.suggestion?.trim() ?? '',
    evidence: input.evidence?.trim() ?? '',
    rule: ruleSetRef(state.ruleSet),
  };
  const saved = await deps.store.transaction(async (tx) => {
    await refuseUnlessReviewOpen(tx, input.documentId);
    const decision = await tx.reviews.saveDecision({ documentId: input.documentId, version: state.summary.version, type: 'add', findingKey: finding.key, finding, by });
    const { documentId: _id, by: _by, ...asked } = input;
    await recordChange(tx.audit, who, { action: 'review.add-finding', objectType: 'document', objectId: input.documentId, before: null, after: { ...asked, decision: decisionShape(decision) } });
    return decision;
  });
  return toReviewDto(reviewWith(state, [...state.stored, saved]));
}
