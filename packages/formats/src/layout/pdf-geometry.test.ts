import { describe, expect, it } from 'vitest';
import { findLatticeTables } from './pdf-lattice';
import { extractRules, type OpCodes, type Rule } from './pdf-rules';
import { cellText, joinWrapped, normalizeKangxi, type TextItem } from './pdf-text';

const OPS: OpCodes = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27 };

describe('extractRules', () => {
  it('takes stroked lines and thin filled rectangles, under the current transform; ignores shading', () => {
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [1, 0, 0, 1, 100, 50],
      [OPS.stroke, [Float32Array.from([0, 0, 0, 1, 200, 0])], null], // moveTo 0,0 lineTo 200,0 → shifted
      null,
      [OPS.fill, [Float32Array.from([0, 10, 10, 1, 10.5, 10, 1, 10.5, 300, 1, 10, 300, 4])], null], // 0.5 wide: a rule
      [OPS.fill, [Float32Array.from([0, 0, 0, 1, 50, 0, 1, 50, 50, 1, 0, 50, 4])], null], // a 50×50 fill: shading
    ];
    expect(extractRules(fn, args, OPS)).toEqual([
      { dir: 'h', x0: 100, x1: 300, y0: 50, y1: 50 },
      { dir: 'v', x0: 10.25, x1: 10.25, y0: 10, y1: 300 },
    ]);
  });
});

const h = (y: number, x0: number, x1: number): Rule => ({ dir: 'h', x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Rule => ({ dir: 'v', x0: x, x1: x, y0, y1 });
const item = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, w: [...str].length * size, size });

describe('findLatticeTables', () => {
  it('builds the grid, merges where an inner rule is missing, and places items by their centre', () => {
    // Three columns (0,100,200,300), two rows (100,50,0); the rule between columns 1 and 2 stops at the second row.
    const rules = [h(100, 0, 300), h(50, 0, 300), h(0, 0, 300), v(0, 0, 100), v(100, 0, 100), v(200, 0, 50), v(300, 0, 100)];
    const items = [item('一级', 5, 80), item('项目资金', 105, 80), item('（万元）', 105, 65), item('43.2', 205, 20), item('页脚', 5, -30)];
    const { tables, rest } = findLatticeTables(rules, items, 3);
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.table.rows;
    expect(rows[0]?.map((c) => [c.text, c.col, c.colSpan, c.rowSpan])).toEqual([['一级', 0, 1, 1], ['项目资金（万元）', 1, 2, 1]]);
    expect(rows[1]?.map((c) => [c.text, c.col])).toEqual([['', 0], ['', 1], ['43.2', 2]]);
    expect(rows[0]?.[1]).toMatchObject({ page: 3, box: { x0: 100, x1: 300, y0: 50, y1: 100 } });
    expect(rest.map((i) => i.str)).toEqual(['页脚']);
  });

  it('splits an item that runs across a vertical rule', () => {
    const rules = [h(40, 0, 60), h(0, 0, 60), v(0, 0, 40), v(30, 0, 40), v(60, 0, 40)];
    const joined: TextItem = { str: '分值 得分', x: 4, y: 15, w: 52, size: 10 };
    const { tables } = findLatticeTables(rules, [joined], 1);
    expect(tables[0]?.table.rows[0]?.map((c) => c.text)).toEqual(['分值', '得分']);
  });
});

describe('pdf text', () => {
  it('maps Kangxi radicals through NFKC and nothing else', () => {
    expect(normalizeKangxi('⼀级指标⽬标（万元）')).toBe('一级指标目标（万元）');
    expect(normalizeKangxi('ＡＢ１２')).toBe('ＡＢ１２');
  });
  it('joins wrapped lines without spaces except between Latin words', () => {
    expect(joinWrapped('8,827,620.5', '3')).toBe('8,827,620.53');
    expect(joinWrapped('项目资金', '（万元）')).toBe('项目资金（万元）');
    expect(joinWrapped('Project', 'budget')).toBe('Project budget');
    expect(cellText([item('（万元）', 0, 0), item('项目资金', 0, 14)])).toBe('项目资金（万元）');
  });
});
