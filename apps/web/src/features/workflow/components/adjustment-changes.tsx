/**
 * 目标调整 side by side (issue 14 item 6): under the workflow of an adjustment, the reason the unit gave and every
 * project and indicator it adds, removes or changes against the approved version, old value beside new. The approved
 * version stays in force until the adjustment is approved.
 */
import { chinaTime } from '@jixiao/core';
import type { TargetChangesDto } from '@jixiao/contract';
import { Collapse, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useApiQuery } from '../../../lib/query';
import { getTargetChanges, workflowKeys } from '../api';

type Change = TargetChangesDto['changes'][number];

const KIND_COLORS: Record<Change['kind'], string> = { added: 'green', removed: 'red', changed: 'orange' };

const where = (c: Change) => [c.unit, c.project ?? c.keyTask].filter(Boolean).join(' · ') || '部门整体';

const columns: ColumnsType<Change> = [
  { title: '变动', key: 'kind', width: 70, render: (_: unknown, c) => <Tag color={KIND_COLORS[c.kind]}>{c.kindLabel}</Tag> },
  {
    title: '项目 / 指标',
    key: 'name',
    render: (_: unknown, c) => (
      <div>
        <div>{c.what === 'project' ? `项目：${c.name}` : c.name}</div>
        {c.what === 'indicator' ? <div className="muted" style={{ fontSize: 12 }}>{where(c)}</div> : null}
      </div>
    ),
  },
  {
    title: '批复版本 → 调整后',
    key: 'fields',
    render: (_: unknown, c) => (
      <div className="wf-changes-fields">
        {c.fields.map((f) => (
          <div key={f.field}>
            <span className="muted">{f.field}：</span>
            <del>{f.before || '（无）'}</del> → <strong>{f.after || '（无）'}</strong>
          </div>
        ))}
      </div>
    ),
  },
];

export function AdjustmentChanges({ documentId, version }: { documentId: number; version: number }) {
  const loaded = useApiQuery(workflowKeys.changes(documentId, version), (signal) => getTargetChanges(documentId, signal));
  const data = loaded.data;
  if (!data?.adjustment) return null;
  const { added, removed, changed } = data.counts;
  const summary = data.changes.length === 0 ? '尚未修改' : `新增 ${added} 项、删除 ${removed} 项、调整 ${changed} 项`;
  return (
    <Collapse
      size="small"
      className="wf-changes"
      defaultActiveKey={['changes']}
      items={[
        {
          key: 'changes',
          label: `目标调整：与批复版本（第 ${data.approvedVersion} 版）对照 · ${summary}`,
          children: (
            <>
              {data.reason ? (
                <div className="wf-note">
                  调整理由：{data.reason}
                  {data.requestedBy ? <span className="muted">（{data.requestedBy} {chinaTime(data.requestedAt)} 申请）</span> : null}
                </div>
              ) : null}
              <div className="muted wf-note">批复前，运行监控和绩效自评仍按第 {data.approvedVersion} 版执行。</div>
              {data.changes.length > 0 ? (
                <div className="wf-changes-table">
                  <Table<Change> rowKey={(c) => `${c.kind}-${c.what}-${where(c)}-${c.name}`} size="small" columns={columns} dataSource={data.changes} pagination={false} />
                </div>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
