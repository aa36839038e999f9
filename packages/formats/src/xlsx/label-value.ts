/**
 * `label | value` pairs above a table, as the templates write them (部门 | 广州市…, 年度 | 2024, 金额单位 | 万元)
 * and as many district sheets do; also `label：value` in one cell.
 */
import { normalizeTitle } from './columns';
import type { Grid } from './grid';

export function labelValueAbove(grid: Grid, headerRow: number, labels: readonly string[]): string | null {
  const wanted = new Set(labels.map(normalizeTitle));
  for (let r = 1; r < headerRow; r++) {
    for (let c = 1; c <= grid.colCount; c++) {
      const text = grid.text(r, c);
      if (!text) continue;
      const inline = /^([^:：]{1,8})[:：]\s*(.+)$/.exec(text);
      if (inline?.[1] && inline[2] && wanted.has(normalizeTitle(inline[1]))) return inline[2].trim();
      if (!wanted.has(normalizeTitle(text))) continue;
      const origin = grid.origin(r, c);
      for (let k = c + 1; k <= grid.colCount; k++) {
        if (grid.origin(r, k) === origin) continue;
        const value = grid.text(r, k);
        // The next label on the line means this one was left empty.
        return value && !isLabel(value) ? value : null;
      }
      return null;
    }
  }
  return null;
}

const LABELS = new Set(['部门', '部门名称', '主管部门', '年度', '预算年度', '金额单位', '单位'].map(normalizeTitle));

function isLabel(text: string): boolean {
  return LABELS.has(normalizeTitle(text));
}
