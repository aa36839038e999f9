/**
 * What a stored document can be exported as, by kind. The render verbs (render-*.ts) refuse a document of the wrong
 * kind with `BAD_INPUT` and a Chinese message naming the formats that fit it, so the CLI exits 2 and the server
 * answers 400 with the same sentence.
 */
import { outputFormat, outputFormatsOf, type OutputFormatIdOf } from '@jixiao/contract';
import type { DocumentKind, PerformanceDocument } from '@jixiao/core';
import { AppError } from '../errors';

/** Rendered from a stored document or a monitoring report (`jixiao export --document` / `--monitoring`). */
export type ExportFormat = OutputFormatIdOf<'document'> | MonitoringExportFormat;
/** Rendered from a stored monitoring report (`--monitoring ID`), not from a document. */
export type MonitoringExportFormat = OutputFormatIdOf<'monitoring'>;

/** Each format: what it is called in Chinese and the file it makes (the contract's registry, `OUTPUT_FORMATS`). */
export const EXPORT_FORMATS = Object.fromEntries([...outputFormatsOf('document'), ...outputFormatsOf('monitoring')].map((f) => [f.id, outputFormat(f.id)])) as {
  [K in ExportFormat]: ReturnType<typeof outputFormat<K>>;
};

/** The formats each kind of document can be exported as (json always). */
export const FORMATS_BY_KIND: Record<DocumentKind, ExportFormat[]> = {
  'project-targets': ['json', 'opinion', 'template', 'target-table', 'target-table-docx', 'approval-notice'],
  'department-targets': ['json', 'opinion', 'template', 'target-table', 'target-table-docx', 'approval-notice'],
  'project-self-evaluation': ['json'],
  'department-self-evaluation': ['json', 'self-evaluation-table', 'report'],
};

export const KIND_LABELS: Record<DocumentKind, string> = {
  'project-targets': '项目支出绩效目标',
  'department-targets': '部门整体绩效目标',
  'project-self-evaluation': '项目支出绩效自评',
  'department-self-evaluation': '部门整体支出绩效自评',
};

/** The output that a render verb produced: bytes plus a suggested file name and its media type. */
export interface RenderedFile {
  format: ExportFormat;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Throws `BAD_INPUT` unless `format` fits the document's kind, naming the formats that do. */
export function assertFormatFits(document: PerformanceDocument, documentId: number, format: ExportFormat): void {
  const fits = FORMATS_BY_KIND[document.kind] ?? ['json'];
  if (fits.includes(format)) return;
  const kind = KIND_LABELS[document.kind] ?? document.kind;
  const which = fits.map((f) => `${f}（${EXPORT_FORMATS[f].label} ${EXPORT_FORMATS[f].extension}）`).join('、');
  throw new AppError(
    'BAD_INPUT',
    `文档 ${documentId} 是${kind}文档，不能导出为${EXPORT_FORMATS[format].label}（${EXPORT_FORMATS[format].extension}）；这类文档可以导出的格式：${which}。 (document ${documentId} is ${document.kind}; --format ${format} does not fit it, use one of: ${fits.join(', ')})`,
    { documentId, kind: document.kind, format, fits },
  );
}

/** A file name for the export: the department (or first unit), the year, what it is, the extension. */
export function exportFileName(document: PerformanceDocument, what: string, format: ExportFormat): string {
  const who = (document.department ?? document.units[0]?.name ?? '未注明部门').replace(/[\\/:*?"<>|\s]+/g, '');
  return `${who}${document.year ? `${document.year}年度` : ''}${what}${EXPORT_FORMATS[format].extension}`;
}
