/**
 * "Lattice" tables of one PDF page: ruling lines that touch form a table; their snapped x and y coordinates make
 * the grid; where an inner rule is missing between two grid positions they belong to one merged cell; each text
 * item goes to the cell that contains its centre. Pages without rules give no tables here (their text becomes
 * paragraphs; the "stream" mode, columns from gaps that stay empty over many rows, is not built yet).
 */
import type { Box, Cell, Table } from './model';
import type { Rule } from './pdf-rules';
import { cellText, isCjk, itemCentre, type TextItem } from './pdf-text';

/** Rules closer than this (points) meet; coordinates closer than this are one grid line. */
const SNAP = 2;

export interface PageTable {
  table: Table;
  /** Grid lines: x left to right, y top to bottom (descending). */
  xs: number[];
  ys: number[];
  box: Box;
}

export function findLatticeTables(rules: readonly Rule[], items: readonly TextItem[], page: number): { tables: PageTable[]; rest: TextItem[] } {
  const grids = components(rules)
    .map((group) => buildGrid(group))
    .filter((g): g is Grid => g !== null);
  const owners = grids.map(() => new Map<Cell, TextItem[]>());
  const rest: TextItem[] = [];
  for (const whole of items) {
    for (const item of splitAcrossRules(whole, grids)) {
      const [cx, cy] = itemCentre(item);
      const k = grids.findIndex((g) => cx >= g.box.x0 && cx <= g.box.x1 && cy >= g.box.y0 && cy <= g.box.y1);
      const grid = grids[k];
      const cell = grid ? grid.at(cx, cy) : undefined;
      if (!grid || !cell) {
        rest.push(item);
        continue;
      }
      const list = owners[k]!.get(cell) ?? [];
      list.push(item);
      owners[k]!.set(cell, list);
    }
  }
  const tables = grids.map((g, k) => {
    for (const [cell, list] of owners[k]!) cell.text = cellText(list);
    for (const row of g.cells) for (const c of row) c.page = page;
    const table: Table = { kind: 'table', rows: g.cells, pages: [page] };
    return { table, xs: g.xs, ys: g.ys, box: g.box };
  });
  return { tables, rest };
}

interface Grid {
  xs: number[];
  ys: number[];
  box: Box;
  cells: Cell[][];
  at(x: number, y: number): Cell | undefined;
  /** Inner vertical grid lines that have a rule at height y. */
  cutsAt(y: number): number[];
}

/**
 * pdfjs combines text runs that sit close on one line into one item, even across a cell border ("分值 得分" over two
 * narrow columns): an item that crosses a vertical rule is split there, each character placed by its estimated
 * advance (CJK one em, other characters about half).
 */
function splitAcrossRules(item: TextItem, grids: Grid[]): TextItem[] {
  const [, cy] = itemCentre(item);
  const grid = grids.find((g) => cy >= g.box.y0 && cy <= g.box.y1 && item.x < g.box.x1 && item.x + item.w > g.box.x0);
  if (!grid) return [item];
  const cuts = grid.cutsAt(cy).filter((x) => x > item.x + 0.5 && x < item.x + item.w - 0.5);
  if (cuts.length === 0) return [item];
  const chars = [...item.str];
  const weights = chars.map((ch) => (isCjk(ch) ? 1 : 0.55));
  const scale = item.w / Math.max(1e-6, weights.reduce((a, b) => a + b, 0));
  const pieces: TextItem[] = [];
  let x = item.x;
  let start = item.x;
  let text = '';
  let segment = 0;
  chars.forEach((ch, i) => {
    const advance = weights[i]! * scale;
    const centre = x + advance / 2;
    while (segment < cuts.length && centre > cuts[segment]!) {
      if (text.trim()) pieces.push({ ...item, str: text.trim(), x: start, w: x - start });
      text = '';
      start = x;
      segment++;
    }
    text += ch;
    x += advance;
  });
  if (text.trim()) pieces.push({ ...item, str: text.trim(), x: start, w: x - start });
  return pieces;
}

/** Groups of rules that touch each other (union-find over pairs; a page has a few hundred rules at most). */
function components(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      if (touch(rules[i]!, rules[j]!)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  return [...groups.values()];
}

function touch(a: Rule, b: Rule): boolean {
  return a.x0 <= b.x1 + SNAP && b.x0 <= a.x1 + SNAP && a.y0 <= b.y1 + SNAP && b.y0 <= a.y1 + SNAP;
}

/** Sorted coordinates, those within SNAP of the previous one merged (their mean). */
function snap(values: number[]): number[] {
  const sorted = values.toSorted((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - (last.at(-1) ?? v) <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function buildGrid(rules: Rule[]): Grid | null {
  const hs = rules.filter((r) => r.dir === 'h');
  const vs = rules.filter((r) => r.dir === 'v');
  if (hs.length < 2 || vs.length < 2) return null;
  const xs = snap(vs.map((r) => r.x0));
  const ys = snap(hs.map((r) => r.y0)).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const nCols = xs.length - 1;
  const nRows = ys.length - 1;
  // A rule covers the boundary between two grid positions when it passes through the boundary's midpoint.
  const hasV = (x: number, yTop: number, yBottom: number) => {
    const mid = (yTop + yBottom) / 2;
    return vs.some((r) => Math.abs(r.x0 - x) <= SNAP && r.y0 - SNAP <= mid && r.y1 + SNAP >= mid);
  };
  const hasH = (y: number, xLeft: number, xRight: number) => {
    const mid = (xLeft + xRight) / 2;
    return hs.some((r) => Math.abs(r.y0 - y) <= SNAP && r.x0 - SNAP <= mid && r.x1 + SNAP >= mid);
  };
  const owner: Array<Array<Cell | null>> = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => null));
  const cells: Cell[][] = Array.from({ length: nRows }, () => []);
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (owner[r]![c]) continue;
      let colSpan = 1;
      while (c + colSpan < nCols && !owner[r]![c + colSpan] && !hasV(xs[c + colSpan]!, ys[r]!, ys[r + 1]!)) colSpan++;
      let rowSpan = 1;
      while (r + rowSpan < nRows && !hasH(ys[r + rowSpan]!, xs[c]!, xs[c + 1]!)) rowSpan++;
      const cell: Cell = {
        text: '',
        row: r,
        col: c,
        rowSpan,
        colSpan,
        box: { x0: xs[c]!, x1: xs[c + colSpan]!, y0: ys[r + rowSpan]!, y1: ys[r]! },
      };
      cells[r]!.push(cell);
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) if (!owner[i]![j]) owner[i]![j] = cell;
    }
  }
  const box: Box = { x0: xs[0]!, x1: xs.at(-1)!, y0: ys.at(-1)!, y1: ys[0]! };
  return {
    xs,
    ys,
    box,
    cells,
    at(x, y) {
      const c = xs.findIndex((v, i) => i < nCols && x >= v && x <= xs[i + 1]!);
      const r = ys.findIndex((v, i) => i < nRows && y <= v && y >= ys[i + 1]!);
      return c < 0 || r < 0 ? undefined : (owner[r]![c] ?? undefined);
    },
    cutsAt(y) {
      return xs.slice(1, -1).filter((x) => vs.some((r) => Math.abs(r.x0 - x) <= SNAP && r.y0 - SNAP <= y && r.y1 + SNAP >= y));
    },
  };
}
