/**
 * The finance reviewer's word on a suggestion (R11: always confirmed by a person): 建议 (computed, nothing decided)
 * → 已确认 (the suggestion as it stands) or 已调整 (another suggestion of the rule set), each with a reason. Decisions
 * are kept append-only; a later one replaces the earlier as what counts, and the earlier stay as the history.
 */
import type { Actor } from '../access/actor';
import { can, type Scope } from '../access/permissions';
import { cleanReason, refuse, type Refusal } from '../workflow/refusal';
import type { ResultsUseSettings } from './settings';
import { suggestionRule } from './suggest';

export type ResultsUseDecisionKind = 'confirm' | 'adjust';
export type ResultsUseState = 'suggested' | 'confirmed' | 'adjusted';

export const RESULTS_USE_STATE_LABELS: Record<ResultsUseState, string> = { suggested: '建议', confirmed: '已确认', adjusted: '已调整' };

export const stateOfDecision = (kind: ResultsUseDecisionKind | null): ResultsUseState => (kind === null ? 'suggested' : kind === 'confirm' ? 'confirmed' : 'adjusted');

export interface ResultsUseDecisionInput {
  kind: ResultsUseDecisionKind;
  /** The suggestion computed now (what a confirmation confirms); null when there is none. */
  computed: string | null;
  /** For an adjustment: the suggestion chosen instead. */
  chosen?: string | null;
  reason: string | null | undefined;
}

/** What is kept: the decided suggestion and the reason, or a refusal naming what to do. */
export function decideResultsUse(
  actor: Actor,
  scope: Scope,
  input: ResultsUseDecisionInput,
  settings: ResultsUseSettings,
): { ok: true; kind: ResultsUseDecisionKind; suggestion: string; reason: string } | Refusal {
  if (!can(actor, 'results-use.decide', scope)) return refuse('FORBIDDEN', '只有财政审核人员（或管理员）可以确认或调整结果应用建议。');
  const reason = cleanReason(input.reason);
  if (reason === null) return refuse('BAD_INPUT', input.kind === 'confirm' ? '请填写确认理由（例如：自评等级属实，同意按建议安排）。' : '请填写调整理由：为什么不按建议安排。');
  if (input.kind === 'confirm') {
    if (input.computed === null) return refuse('CONFLICT', '这个项目尚无可确认的建议（还没有自评等级或审核结论）；如需决定，请选择「调整」并写明理由。');
    return { ok: true, kind: 'confirm', suggestion: input.computed, reason };
  }
  const chosen = suggestionRule(settings, input.chosen ?? null);
  if (!chosen) return refuse('BAD_INPUT', `请选择调整后的建议（可选：${settings.suggestions.map((s) => s.label).join('、')}）。`);
  if (chosen.id === input.computed) return refuse('BAD_INPUT', `调整后的建议与系统建议相同（「${chosen.label}」）；如同意建议，请选择「确认」。`);
  return { ok: true, kind: 'adjust', suggestion: chosen.id, reason };
}
