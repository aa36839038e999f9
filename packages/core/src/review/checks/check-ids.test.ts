import { describe, expect, it } from 'vitest';
import { NATIONAL_TARGET_REVIEW, NATIONAL_TARGET_REVIEW_V2 } from '../builtin-rule-set';
import { CHECK_LABELS } from '../types';
import { CHECK_IDS, CHECKS } from './index';

describe('CHECK_IDS', () => {
  // CHECK_LABELS and the built-in severities are records over the CheckId type, so the compiler keeps them complete;
  // the ids derived from the checks table must be the same set, each once — a check missing from the table, or
  // listed twice, fails here.
  it('is the checks table, each check once, covering every check id the labels and the severities know', () => {
    expect(CHECK_IDS).toEqual(CHECKS.map((c) => c.id));
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    expect([...CHECK_IDS].sort()).toEqual(Object.keys(CHECK_LABELS).sort());
    // The newest built-in rule set runs every check; version 1 all but the one added after it.
    expect([...CHECK_IDS].sort()).toEqual(Object.keys(NATIONAL_TARGET_REVIEW_V2.settings.severities).sort());
    expect(CHECK_IDS.filter((id) => !(id in NATIONAL_TARGET_REVIEW.settings.severities))).toEqual(['target-outlier']);
  });
});
