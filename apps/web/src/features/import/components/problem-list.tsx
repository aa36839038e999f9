import type { PreviewProblemDto } from '@jixiao/contract';
import { List, Tag } from 'antd';

const SEVERITY: Record<PreviewProblemDto['severity'], { color: string; label: string }> = {
  error: { color: 'red', label: '错误' },
  warning: { color: 'orange', label: '提醒' },
  info: { color: 'blue', label: '说明' },
};

/** Errors first, then warnings, then notes; each with where it is in the file, in words. */
export function ProblemList({ problems, limit = 100 }: { problems: PreviewProblemDto[]; limit?: number }) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <List
      size="small"
      className="import-problems"
      dataSource={sorted.slice(0, limit)}
      footer={sorted.length > limit ? <span className="muted">另有 {sorted.length - limit} 处未列出。</span> : undefined}
      renderItem={(p) => (
        <List.Item style={{ padding: '4px 0' }}>
          <span style={p.severity === 'error' ? { color: '#cf1322' } : undefined} data-severity={p.severity}>
            <Tag color={SEVERITY[p.severity].color}>{SEVERITY[p.severity].label}</Tag>
            {p.where ? <span className="muted">{p.where}：</span> : null}
            {p.message}
          </span>
        </List.Item>
      )}
    />
  );
}
