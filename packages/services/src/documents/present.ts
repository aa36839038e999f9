/**
 * The wire's document summary, built from the store's record (the store returns records, not DTOs): every field
 * named here, so a field added to the record does not reach the API by accident.
 */
import type { DocumentSummaryDto } from '@jixiao/contract';
import type { DocumentSummary } from '../ports';

export function presentDocumentSummary(s: DocumentSummary): DocumentSummaryDto {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    departmentId: s.departmentId,
    department: s.department,
    year: s.year,
    fileName: s.fileName,
    layout: s.layout,
    version: s.version,
    versionCount: s.versionCount,
    sha256: s.sha256,
    importedAt: s.importedAt,
    projectCount: s.projectCount,
    indicatorCount: s.indicatorCount,
    problemCount: s.problemCount,
    units: s.unitNames,
    importedBy: s.importedBy,
    targetStatus: s.targetStatus,
    approvedVersion: s.approvedVersion,
  };
}
