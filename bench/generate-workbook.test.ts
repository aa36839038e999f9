import { describe, expect, it } from 'vitest';
import { countIndicators, listProjects } from '@jixiao/core';
import { readDocument } from '@jixiao/formats';
import { generateProjectWorkbook } from './generate-workbook';

describe('generateProjectWorkbook', () => {
  it('writes 10,000 projects × 5 indicators that read back under the default limits', async () => {
    const bytes = await generateProjectWorkbook(10_000, 5);
    const result = await readDocument({ fileName: 'big.xlsx', bytes });
    if (!result.ok) throw new Error(result.error.message);
    expect(listProjects(result.document)).toHaveLength(10_000);
    expect(countIndicators(result.document)).toBe(50_000);
    expect(result.document.problems).toEqual([]);
  });

  it('writes the district layout (two-row header, 元, amounts as text, compact indicator cells)', async () => {
    const bytes = await generateProjectWorkbook(600, 5, 'district');
    const result = await readDocument({ fileName: 'district.xlsx', bytes });
    if (!result.ok) throw new Error(result.error.message);
    const doc = result.document;
    expect(doc.amountUnit).toBe('元');
    expect(doc.units).toHaveLength(2);
    expect(listProjects(doc)).toHaveLength(600);
    expect(countIndicators(doc)).toBe(3000);
    expect(doc.statedTotal).toBe(doc.units.reduce((t, u) => t + (u.statedAmount ?? 0), 0));
    expect(doc.problems).toEqual([]);
  });
});
