/**
 * The live score of the form: the frozen targets with the entries being typed laid over them, scored by the core
 * with the rule set the server named — the same functions the server keeps scores with, so what the page shows is
 * what will be kept.
 */
import {
  applyEntries,
  indicatorSlots,
  scoredLinesByKey,
  scoreSelfEvaluation,
  type PerformanceDocument,
  type RuleSet,
  type ScoredLine,
  type SelfEvaluationEntries,
  type SelfEvaluationScore,
} from '@jixiao/core';
import { useMemo } from 'react';
import type { SelfEvaluationDto } from '../api';

export interface LiveScore {
  target: PerformanceDocument;
  document: PerformanceDocument;
  score: SelfEvaluationScore;
  lines: Map<string, ScoredLine>;
  slots: ReturnType<typeof indicatorSlots>;
}

export function useLiveScore(dto: SelfEvaluationDto | undefined, entries: SelfEvaluationEntries | undefined): LiveScore | undefined {
  return useMemo(() => {
    if (!dto || !entries) return undefined;
    const target = dto.target as PerformanceDocument;
    const document = applyEntries(target, entries);
    const score = scoreSelfEvaluation(document, entries.goal, dto.ruleSet.value as unknown as RuleSet<unknown>);
    return { target, document, score, lines: scoredLinesByKey(document, score), slots: indicatorSlots(target) };
  }, [dto, entries]);
}
