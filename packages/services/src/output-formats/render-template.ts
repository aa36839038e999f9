/**
 * A stored target document written back into the jixiao Excel template it fits (项目支出 or 部门整体), filled in, so
 * that a unit can correct it and import it again.
 */
import { writeDepartmentTargetsTemplate, writeProjectTargetsTemplate } from '@jixiao/formats';
import type { DocumentStore } from '../ports';
import { assertFormatFits, EXPORT_FORMATS, exportFileName, type RenderedFile } from './render-formats';

export async function renderTemplate(deps: { store: { documents: DocumentStore } }, input: { documentId: number; version?: number }): Promise<RenderedFile> {
  const { document } = await deps.store.documents.getDocument(input.documentId, input.version);
  assertFormatFits(document, input.documentId, 'template');
  const department = document.kind === 'department-targets';
  const bytes = department ? await writeDepartmentTargetsTemplate(document) : await writeProjectTargetsTemplate(document);
  return { format: 'template', fileName: exportFileName(document, department ? '部门整体绩效目标填报表' : '项目支出绩效目标填报表', 'template'), mediaType: EXPORT_FORMATS.template.mediaType, bytes };
}
