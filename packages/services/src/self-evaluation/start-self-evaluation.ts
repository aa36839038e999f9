/**
 * Starts the year-end self-evaluation of a stored document against the approved targets, frozen
 * (`targetsToEvaluate` refuses targets never approved). A self-evaluation document imported as such (seeds 001, 003, 004) starts with its
 * own actuals, stated scores and budget figures as the entries, so it is scored as it stands and can be corrected.
 */
import type { SelfEvaluationDto } from '@jixiao/contract';
import { EMPTY_ENTRIES, entriesFromDocument } from '@jixiao/core';
import { changedBy, type ChangeContext } from '../access/audit';
import { targetsToEvaluate } from '../documents/target-version';
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { auditEvaluation } from '../workflow/evaluation-save';
import { loadSelfEvaluation, toSelfEvaluationDto } from './self-evaluation-state';

export interface StartSelfEvaluationInput {
  documentId: number;
  year: number;
  /** The name kept as who started it; default the person's. */
  by?: string;
}

export async function startSelfEvaluation(deps: CommandDeps, who: ChangeContext, input: StartSelfEvaluationInput): Promise<SelfEvaluationDto> {
  const by = (input.by ?? changedBy(who)).trim();
  if (!by) throw new AppError('BAD_INPUT', '请写明填报人。');
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) throw new AppError('BAD_INPUT', `年度 ${String(input.year)} 无效：应为四位年份，例如 2024`);
  const { targetVersion, document } = await targetsToEvaluate(deps, input.documentId, 'self-evaluation');
  const imported = document.kind === 'project-self-evaluation' || document.kind === 'department-self-evaluation';
  if (document.year != null && document.year !== input.year) {
    throw new AppError('BAD_INPUT', `文档 ${input.documentId} 是 ${document.year} 年度的绩效目标，不能用于 ${input.year} 年度的自评：请选择 ${document.year} 年度。`, { documentId: input.documentId, year: document.year });
  }
  const entries = imported ? entriesFromDocument(document) : EMPTY_ENTRIES;
  const created = await deps.store.transaction(async (tx) => {
    const made = await tx.evaluations.createEvaluation({ documentId: input.documentId, targetVersion, kind: 'self-evaluation', period: String(input.year), entries, by });
    await auditEvaluation(tx, who, { verb: 'start', before: null, after: made });
    return made;
  });
  return toSelfEvaluationDto(deps, await loadSelfEvaluation(deps, created.id));
}
