/**
 * A Layout as plain text, one paragraph or table row per line with the cells separated by tabs: what the seed
 * readers (written for extracted text) see when a seed arrives as a PDF or a Word file.
 */
import type { Layout } from './model';

export function layoutPlainText(layout: Layout): string {
  const lines: string[] = [];
  for (const block of layout.blocks) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else for (const row of block.rows) lines.push(row.map((c) => c.text.replace(/\s*\n\s*/g, ' ')).join('\t'));
  }
  return lines.join('\n');
}
