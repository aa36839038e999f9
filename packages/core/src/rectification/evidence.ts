/**
 * 佐证材料 (issue 14 item 3): which files may be attached, and to what. The kinds are checked by content in
 * formats (`checkEvidenceFile`), never by the name alone; the limits are data here so the page can say them before
 * an upload and the server refuses the same.
 */
export type EvidenceOwnerKind = 'rectification' | 'indicator-actual' | 'monitoring-line' | 'self-evaluation' | 'evaluation';

export const EVIDENCE_OWNER_LABELS: Record<EvidenceOwnerKind, string> = {
  rectification: '整改反馈',
  'indicator-actual': '指标完成值',
  'monitoring-line': '运行监控',
  'self-evaluation': '绩效自评',
  evaluation: '绩效评价',
};

export type EvidenceType = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'doc' | 'xls';

export const EVIDENCE_TYPES: Record<EvidenceType, { label: string; extensions: readonly string[]; mediaType: string }> = {
  pdf: { label: 'PDF', extensions: ['pdf'], mediaType: 'application/pdf' },
  png: { label: 'PNG 图片', extensions: ['png'], mediaType: 'image/png' },
  jpeg: { label: 'JPEG 图片', extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg' },
  docx: { label: 'Word 文档', extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { label: 'Excel 表格', extensions: ['xlsx'], mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  doc: { label: 'Word 97-2003 文档', extensions: ['doc'], mediaType: 'application/msword' },
  xls: { label: 'Excel 97-2003 表格', extensions: ['xls'], mediaType: 'application/vnd.ms-excel' },
};

/** One file at most 10 MB, five per feedback: scanned 佐证 run to a few MB a page; the database keeps them (backups too). */
export const EVIDENCE_LIMITS = { maxFileBytes: 10 * 1024 * 1024, maxFilesPerChange: 5 } as const;

/** 「PDF、PNG 图片、…」 for the page and the messages. */
export const EVIDENCE_TYPES_TEXT = Object.values(EVIDENCE_TYPES)
  .map((t) => t.label)
  .join('、');

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The type a name claims by its extension; null for an extension not accepted. */
export function claimedEvidenceType(fileName: string): EvidenceType | null {
  const ext = extensionOf(fileName);
  return (Object.keys(EVIDENCE_TYPES) as EvidenceType[]).find((t) => EVIDENCE_TYPES[t].extensions.includes(ext)) ?? null;
}
