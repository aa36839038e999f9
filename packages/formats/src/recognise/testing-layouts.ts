/** Test helpers for the recognisers: a public sample read through the general reader, and hand-made Layouts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PerformanceDocument } from '@jixiao/core';
import type { Block, Cell, Layout } from '../layout/model';
import { textToLayout } from '../layout/text';
import { readRecognisedLayout } from './read-recognised';

/** `fixtures/samples/<name>` (copies of the shared samples, so a fresh clone has them). */
export function sampleText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../../fixtures/samples/${name}`, import.meta.url)), 'utf8');
}

/** The sample read as extracted text; fails the test when the reader refuses it. */
export function readSample(name: string): PerformanceDocument {
  const r = readRecognisedLayout(textToLayout(sampleText(name)), name);
  if (!r.ok) throw new Error(`${name} refused: ${r.error.message}`);
  return r.document;
}

export function readLayout(layout: Layout, name: string): PerformanceDocument {
  const r = readRecognisedLayout(layout, name);
  if (!r.ok) throw new Error(`${name} refused: ${r.error.message}`);
  return r.document;
}

/** A cell at a grid column: `[text, col]` or `[text, col, rowSpan, colSpan]`. */
export type CellSpec = [string, number] | [string, number, number] | [string, number, number, number];

/** A table as a .docx gives it: each merged cell once, at its top-left corner, with its spans. */
export function grid(rows: CellSpec[][]): Block {
  return {
    kind: 'table',
    rows: rows.map((row, r) => row.map(([text, col, rowSpan, colSpan]): Cell => ({ text, row: r, col, rowSpan: rowSpan ?? 1, colSpan: colSpan ?? 1 }))),
  };
}

export function paragraph(text: string): Block {
  return { kind: 'paragraph', text };
}

export function docx(...blocks: Block[]): Layout {
  return { blocks, source: 'docx' };
}
