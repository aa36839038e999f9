/**
 * How a document is recognised when it is imported again (decision 005): kind + department + budget year + the
 * file's name without extension. The same file edited and re-imported becomes a new version of the same document;
 * a file with another name (another excerpt, another table) is another document.
 */
import { departmentNameOf, type DocumentKind } from '@jixiao/core';

export { departmentNameOf };

export const KIND_TITLES: Record<DocumentKind, string> = {
  'project-targets': '项目支出绩效目标表',
  'department-targets': '部门整体绩效目标',
  'project-self-evaluation': '项目支出绩效自评',
  'department-self-evaluation': '部门整体支出绩效自评',
};


/** `seed-002.pages-1-5.TXT` → `seed-002.pages-1-5`; directories dropped, case folded, NFKC (full-width → ASCII). */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKC')
    .trim()
    .toLowerCase();
}

export function identityKey(input: { kind: DocumentKind; department: string | null; year: number; fileName: string }): string {
  return JSON.stringify([input.kind, input.department ?? '', input.year, fileStem(input.fileName)]);
}

export function documentTitle(kind: DocumentKind, department: string | null, year: number): string {
  return `${department ?? '（未注明部门）'} ${year}年${KIND_TITLES[kind]}`;
}
