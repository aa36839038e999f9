/**
 * The live score of the form, recomputed as the user types (the computation is the model's `liveScoreOf`).
 */
import type { SelfEvaluationEntries } from '@jixiao/core';
import { useMemo } from 'react';
import type { SelfEvaluationDto } from '../api';
import { liveScoreOf, type LiveScore } from '../model';

export type { LiveScore };

export function useLiveScore(dto: SelfEvaluationDto | undefined, entries: SelfEvaluationEntries | undefined): LiveScore | undefined {
  return useMemo(() => (dto && entries ? liveScoreOf(dto, entries) : undefined), [dto, entries]);
}
