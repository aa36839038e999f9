/**
 * A stored target document written back into the jixiao Excel template it fits (项目支出 or 部门整体), filled in, so
 * that a unit can correct it and import it again.
 */
import { emptyDocument, type AmountUnit } from '@jixiao/core';
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

/** The empty template to fill in (项目支出 or 部门整体, amounts in 万元 or 元), as `jixiao template` writes it. */
export async function renderBlankTemplate(input: { kind: 'project' | 'department'; unit: AmountUnit }): Promise<RenderedFile> {
  const department = input.kind === 'department';
  const bytes = department ? await writeDepartmentTargetsTemplate(emptyDocument('department-targets', input.unit)) : await writeProjectTargetsTemplate(emptyDocument('project-targets', input.unit));
  const fileName = `${department ? '部门整体绩效目标填报模板' : '项目支出绩效目标填报模板'}（${input.unit}）.xlsx`;
  return { format: 'template', fileName, mediaType: EXPORT_FORMATS.template.mediaType, bytes };
}

