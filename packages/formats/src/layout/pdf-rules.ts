/**
 * The ruling lines of a PDF page, from pdfjs's operator list: stroked horizontal and vertical segments
 * (`constructPath` with moveTo/lineTo or rectangles, then a stroke) and thin filled rectangles (how Word and many
 * exporters draw cell borders). Coordinates are in page user space: the CTM of `transform`/`save`/`restore` is applied,
 * so they compare with the text items of `getTextContent()`. Curves and large filled areas (cell shading) are ignored.
 */

export interface Rule {
  /** 'h': y fixed, from x0 to x1; 'v': x fixed, from y0 to y1 (x0 = x1). */
  dir: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The operator codes this needs (pdfjs's OPS and DrawOPS), passed in so the module stays free of pdfjs. */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  rectangle?: number;
}

/** pdfjs 5 path data: a flat list of DrawOPS codes each followed by its coordinates. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A rule is a line: thinner than this (points) when it is a filled rectangle. */
const MAX_RULE_THICKNESS = 2;
/** Shorter segments are glyph strokes or dots, not table rules. */
const MIN_RULE_LENGTH = 3;
/** How far from axis-parallel a segment may be. */
const AXIS_TOLERANCE = 0.5;

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied after n: the PDF `cm` convention (new CTM = m × CTM).
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function extractRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args && args.length >= 6) ctm = multiply(args.slice(0, 6).map(Number) as Matrix, ctm);
    else if (fn === ops.constructPath && args) {
      const paint = Number(args[0]);
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!strokes.has(paint) && !fills.has(paint))) continue;
      const subpaths = toSubpaths(data, ctm);
      if (strokes.has(paint)) {
        for (const points of subpaths) for (let k = 1; k < points.length; k++) addSegment(rules, points[k - 1]!, points[k]!);
      }
      if (fills.has(paint) || paint === ops.fillStroke || paint === ops.eoFillStroke) {
        for (const points of subpaths) addThinRectangle(rules, points);
      }
    }
  }
  return rules;
}

type Point = [number, number];

/** Points of each subpath (a closed subpath repeats its first point); a curve ends a subpath's straight run. */
function toSubpaths(data: ArrayLike<number>, ctm: Matrix): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === MOVE) {
      if (current.length > 1) out.push(current);
      current = [apply(ctm, data[i] ?? 0, data[i + 1] ?? 0)];
      i += 2;
    } else if (op === LINE) {
      current.push(apply(ctm, data[i] ?? 0, data[i + 1] ?? 0));
      i += 2;
    } else if (op === CURVE || op === QUAD) {
      i += op === CURVE ? 6 : 4;
      if (current.length > 1) out.push(current);
      const last = i - 2; // the curve's end point
      current = [apply(ctm, data[last] ?? 0, data[last + 1] ?? 0)];
    } else if (op === CLOSE) {
      if (current.length > 1) {
        current.push(current[0]!);
        out.push(current);
      }
      current = current.length > 0 ? [current[0]!] : [];
    } else {
      break; // an unknown code: the rest of the data cannot be parsed safely
    }
  }
  if (current.length > 1) out.push(current);
  return out;
}

function addSegment(rules: Rule[], a: Point, b: Point): void {
  const [ax, ay] = a;
  const [bx, by] = b;
  if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) >= MIN_RULE_LENGTH) {
    const y = (ay + by) / 2;
    rules.push({ dir: 'h', x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: y, y1: y });
  } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) >= MIN_RULE_LENGTH) {
    const x = (ax + bx) / 2;
    rules.push({ dir: 'v', x0: x, x1: x, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
}

/** A filled axis-parallel rectangle thinner than a rule's thickness is a rule along its long side. */
function addThinRectangle(rules: Rule[], points: Point[]): void {
  if (points.length < 4 || points.length > 6) return;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  // Only rectangles: every corner on the bounding box.
  if (!points.every(([x, y]) => (Math.abs(x - x0) < 0.01 || Math.abs(x - x1) < 0.01) && (Math.abs(y - y0) < 0.01 || Math.abs(y - y1) < 0.01))) return;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) rules.push({ dir: 'h', x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
  else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) rules.push({ dir: 'v', x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
}
