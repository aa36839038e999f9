/**
 * The one intermediate every format adapter produces (issue 10): an ordered list of blocks, paragraphs and tables
 * of cells with row and column spans, so that each document kind is recognised once, not once per format.
 * Nothing domain-specific lives here.
 */

/** A box in page coordinates (PDF points, origin at the page's bottom left): what a recogniser needs to report where. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** 1-based page, when the format has pages (PDF). */
  page?: number;
  box?: Box;
}

export interface Cell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** 0-based grid position of the cell's top-left corner. */
  row: number;
  col: number;
  page?: number;
  box?: Box;
}

/**
 * A table as a grid: `rows[r]` holds the cells whose top-left corner is in grid row r, left to right. A merged cell
 * appears once, at its top-left, with its spans; the positions it covers hold no cell of their own.
 */
export interface Table {
  kind: 'table';
  rows: Cell[][];
  /** 1-based pages the table spans (PDF). */
  pages?: number[];
  /** Sheet name (xlsx). */
  sheet?: string;
  /**
   * The cells are in reading order but their rows are lost: a table the extraction flattened to one cell per line
   * (or per paragraph). Each cell is its own row here; a recogniser rebuilds the rows from the header it finds.
   */
  stream?: boolean;
  /**
   * The rows are right but the columns do not line up: the extraction dropped merged cells, so a row's first cell
   * is not necessarily in the first column (pipe tables copied from web pages).
   */
  unaligned?: boolean;
}

export type Block = Paragraph | Table;

export interface Layout {
  blocks: Block[];
  /** Number of pages (PDF). */
  pages?: number;
  source: 'pdf' | 'docx' | 'xlsx' | 'text';
}

/** Columns of the grid: the furthest right any cell reaches. */
export function tableWidth(table: Table): number {
  let width = 0;
  for (const row of table.rows) for (const c of row) width = Math.max(width, c.col + c.colSpan);
  return width;
}

/** Rows of the grid: the furthest down any cell reaches. */
export function tableHeight(table: Table): number {
  let height = table.rows.length;
  for (const row of table.rows) for (const c of row) height = Math.max(height, c.row + c.rowSpan);
  return height;
}

/**
 * A dense grid, `grid[r][c]`, where every position a merged cell covers holds that same owner cell (compare with
 * `===` to tell an owner from a covered position) and a position no cell covers is null. Recognisers walk this.
 */
export function tableToGrid(table: Table): Array<Array<Cell | null>> {
  const height = tableHeight(table);
  const width = tableWidth(table);
  const grid: Array<Array<Cell | null>> = Array.from({ length: height }, () => Array.from({ length: width }, () => null));
  for (const row of table.rows) {
    for (const cell of row) {
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
          const line = grid[r];
          if (line && line[c] === null) line[c] = cell;
        }
      }
    }
  }
  return grid;
}

/** The text of each grid position ('' for empty or uncovered), merged cells repeated over what they cover. */
export function tableTexts(table: Table): string[][] {
  return tableToGrid(table).map((row) => row.map((cell) => cell?.text ?? ''));
}

/** The cell that covers grid position (row, col), or undefined. */
export function cellAt(table: Table, row: number, col: number): Cell | undefined {
  for (const line of table.rows) {
    for (const c of line) {
      if (row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan) return c;
    }
  }
  return undefined;
}

/** Every table of a layout, in order. */
export function tablesOf(layout: Layout): Table[] {
  return layout.blocks.filter((b): b is Table => b.kind === 'table');
}
