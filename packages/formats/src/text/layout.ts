/**
 * A text layout is one shape of document that text extraction gives us (seed 002's compact project table,
 * seed 000's review opinion, seed 004's self-evaluation table). Each layout is one module: it says whether a text
 * looks like it and turns it into the document model, reporting problems with line numbers. It never throws on
 * bad input and never invents a value.
 */
import type { PerformanceDocument } from '@jixiao/core';

export interface TextLayoutContext {
  /** The file name, for problem locations and messages. */
  fileName: string;
}

export interface TextLayout {
  /** Stable id, recorded in `document.source.layout`: `text/compact-project-table`. */
  id: string;
  /** What the layout is, in Chinese, for the refusal message that lists what is understood. */
  title: string;
  /**
   * How sure we are that the text has this layout, 0 to 1. Cheap: looks for the headings and markers that
   * define the layout. A layout above 0.5 is used; the highest wins.
   */
  detect(text: string): number;
  parse(text: string, context: TextLayoutContext): PerformanceDocument;
}
