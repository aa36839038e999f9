/**
 * `jixiao export --format json --all`: every document's current version as interchange JSON, ordered by id, with
 * nothing about the export itself (no time, no path) — two databases holding the same data give byte-identical
 * output, which is how a restore is checked against the database it came from.
 */
import { writeFile } from 'node:fs/promises';
import { exportDocument, listDocuments } from '@jixiao/services';
import type { CommandIo } from '../io';
import { CliError } from '../output';
import { withStore } from '../store-env';

export async function exportAllDocuments(io: CommandIo, out: string | undefined): Promise<void> {
  const text = await withStore(io, async (store) => {
    const docs = (await listDocuments({ store })).sort((a, b) => a.id - b.id);
    const items = [];
    for (const d of docs) items.push({ id: d.id, version: d.version, document: await exportDocument({ store }, { documentId: d.id }) });
    return `${JSON.stringify({ documents: items }, null, 2)}\n`;
  });
  if (!out) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(out, text);
  } catch (e) {
    throw new CliError(`${out}: 无法写入文件 (cannot write the file): ${e instanceof Error ? e.message : String(e)}`);
  }
  io.stdout.write(`已导出全部文档到 ${out}\n`);
}
