/**
 * The official files of approved targets (decision 034): the 绩效目标表 (Excel and Word) and the 批复 notice, each made
 * as an output job of the approved version, shown once there is one. The server refuses anything else.
 */
import { OutputJobButton } from '../../../components/output-job-button';

const FILES = [
  { format: 'approval-notice', label: '下载批复通知' },
  { format: 'target-table', label: '下载目标表（Excel）' },
  { format: 'target-table-docx', label: '下载目标表（Word）' },
] as const;

export function ApprovedFiles({ documentId, approvedVersion }: { documentId: number; approvedVersion: number }) {
  return (
    <div className="wf-row wf-files" aria-label="批复文件">
      <span className="muted">批复文件（第 {approvedVersion} 版）：</span>
      {FILES.map((f) => (
        <OutputJobButton key={f.format} size="small" request={{ format: f.format, id: documentId }}>
          {f.label}
        </OutputJobButton>
      ))}
    </div>
  );
}
