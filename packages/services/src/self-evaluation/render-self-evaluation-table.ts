/**
 * 部门整体支出绩效自评表 (.xlsx, seed 004's layout) of a stored department self-evaluation. Rates are computed from
 * the stored figures by the writer, never copied from what the document stated.
 */
import { writeDepartmentSelfEvaluationTable } from '@jixiao/formats';
import type { DocumentStore } from '../ports';
import { assertFormatFits, EXPORT_FORMATS, exportFileName, type RenderedFile } from '../output-formats/render-formats';

export interface RenderSelfEvaluationTableInput {
  documentId: number;
  version?: number;
  /** Region in the title (荔湾区 → 「荔湾区部门整体支出绩效自评表」); default: read from the department's name. */
  region?: string;
}

/** `广州市荔湾区人民政府多宝街道办事处` → `荔湾区`: the district after the city, when the name states one. */
export function regionOf(department: string | null): string | undefined {
  return department ? /市(\p{Script=Han}{1,5}?[区县])/u.exec(department)?.[1] : undefined;
}

export async function renderSelfEvaluationTable(deps: { store: { documents: DocumentStore } }, input: RenderSelfEvaluationTableInput): Promise<RenderedFile> {
  const { document } = await deps.store.documents.getDocument(input.documentId, input.version);
  assertFormatFits(document, input.documentId, 'self-evaluation-table');
  const region = input.region ?? regionOf(document.department);
  const bytes = await writeDepartmentSelfEvaluationTable({ document, ...(region ? { region } : {}) });
  const format = 'self-evaluation-table';
  return { format, fileName: exportFileName(document, '部门整体支出绩效自评表', format), mediaType: EXPORT_FORMATS[format].mediaType, bytes };
}
