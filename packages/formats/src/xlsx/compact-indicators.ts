/**
 * The compact indicator cell of the official project tables (seed 002) when it sits in an Excel cell: all of a
 * project's indicators in one cell, `1、1-产出指标; 11-数量指标; 名称; 实施周期指标值:…; 年度指标值:…。2、…`.
 * There is one parser of that cell, `readIndicatorCell` in text/compact/indicators.ts (separators that vary,
 * extraction spaces, cut-off cells, levels kept as written); this module only adapts its issues to the reasons the
 * workbook row reader words for its problems.
 */
import type { Indicator } from '@jixiao/core';
import { INDICATOR_CELL_MARK, readIndicatorCell } from '../text/compact/indicators';

export interface CompactIndicators {
  indicators: Indicator[];
  /** Items that could not be read or were incomplete, with the reason. */
  issues: Array<{ no: number; text: string; reason: 'no-name' | 'no-annual-target' | 'no-targets' }>;
}

/** An item start `N、1-…` and at least one target keyword: the goal text or a note is not an indicator cell. */
const ITEM_START = /\d\s*、\s*\d{1,2}\s*[-－—]/;
const TARGET_KEY = /实\s*施\s*周\s*期\s*指\s*标\s*值|年\s*度\s*指\s*标\s*值/;

export function looksLikeCompactIndicators(text: string): boolean {
  return INDICATOR_CELL_MARK.test(text) && ITEM_START.test(text) && TARGET_KEY.test(text);
}

export function parseCompactIndicators(cell: string): CompactIndicators {
  const { indicators, issues: found } = readIndicatorCell(cell);
  const issues: CompactIndicators['issues'] = [];
  for (const issue of found) {
    // An item without a name is not an indicator: the text reader says so as `indicator-unreadable` with its number.
    if (issue.code === 'indicator-unreadable' && issue.indicator !== undefined) issues.push({ no: issue.indicator, text: quoted(issue.message), reason: 'no-name' });
  }
  for (const ind of indicators) {
    if (!ind.periodTarget && !ind.annualTarget) issues.push({ no: ind.no, text: ind.name, reason: 'no-targets' });
    else if (!ind.annualTarget) issues.push({ no: ind.no, text: ind.name, reason: 'no-annual-target' });
  }
  issues.sort((a, b) => a.no - b.no);
  return { indicators, issues };
}

/** The cell text the text reader quoted in its message (「…」), for the row reader's own wording. */
function quoted(message: string): string {
  return /「([^」]*)」/.exec(message)?.[1] ?? message;
}
