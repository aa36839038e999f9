/** 整改's page logic, pure: status colours, the deadline in words, file sizes, and what a feedback may carry. */
import { EVIDENCE_LIMITS, EVIDENCE_TYPES, claimedEvidenceType, type RectificationStatus } from '@jixiao/core';

export const STATUS_COLORS: Record<RectificationStatus, string> = { draft: 'default', issued: 'processing', 'fed-back': 'gold', returned: 'orange', verified: 'green' };

/** 「剩 5 天」「今天到期」「逾期 3 天」, or 「—」 when the unit owes nothing now. */
export function deadlineText(daysLeft: number | null): string {
  if (daysLeft === null) return '—';
  if (daysLeft > 0) return `剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `逾期 ${-daysLeft} 天`;
}

/** 「812 KB」「2.4 MB」. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The `accept` of the file picker: every accepted extension (the server still checks each file by its content). */
export const ACCEPT = Object.values(EVIDENCE_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(',');

/** What is wrong with the chosen files before they are sent (type by name, size, count); the server checks the content. */
export function checkChosenFiles(files: ReadonlyArray<{ name: string; size: number }>): string[] {
  const problems: string[] = [];
  if (files.length > EVIDENCE_LIMITS.maxFilesPerChange) problems.push(`一次最多上传 ${EVIDENCE_LIMITS.maxFilesPerChange} 个文件。`);
  for (const f of files) {
    if (claimedEvidenceType(f.name) === null) problems.push(`「${f.name}」不是可接受的类型（PDF、图片、Word、Excel）。`);
    else if (f.size > EVIDENCE_LIMITS.maxFileBytes) problems.push(`「${f.name}」有 ${fileSize(f.size)}，超过 ${fileSize(EVIDENCE_LIMITS.maxFileBytes)}。`);
  }
  return problems;
}
