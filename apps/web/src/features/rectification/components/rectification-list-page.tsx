/**
 * 整改: the items of one's departments, filtered by state, overdue and department, paged on the server; the finance
 * reviewer registers new ones and downloads the 整改情况报告.
 */
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES, type RectificationStatus } from '@jixiao/core';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { shortOrgName } from '../../../lib/format';
import { useApiQuery } from '../../../lib/query';
import { Link } from '../../../lib/router';
import { departmentKeys, listDepartments } from '../../departments';
import { useCan } from '../../session';
import { OutputJobButton } from '../../../components/output-job-button';
import { listRectifications, PAGE_SIZE, rectificationKeys, type RectificationFilters, type RectificationSummaryDto } from '../api';
import { deadlineText, STATUS_COLORS } from '../model';
import { CreateRectificationDialog } from './create-rectification-dialog';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../rectification.css';

export function RectificationListPage() {
  const [filters, setFilters] = useState<RectificationFilters>({ offset: 0 });
  const [creating, setCreating] = useState(false);
  const manages = useCan('rectification.manage');
  const loaded = useApiQuery(rectificationKeys.list(filters), (signal) => listRectifications(filters, signal));
  const departments = useApiQuery(departmentKeys.list({}), (signal) => listDepartments({}, signal));
  const set = (change: Partial<RectificationFilters>) => setFilters((f) => ({ ...f, ...change, offset: 0 }));

  const columns: ColumnsType<RectificationSummaryDto> = [
    {
      title: '问题',
      key: 'problem',
      render: (_: unknown, r) => (
        <div>
          <Link to={`/rectification/${r.id}`}>{r.problem}</Link>
          <div className="muted" style={{ fontSize: 12 }}>
            {r.sourceLabel}
            {r.projectName ? ` · ${r.projectName}` : ''}
          </div>
        </div>
      ),
    },
    { title: '责任单位', key: 'unit', width: 180, render: (_: unknown, r) => <span title={r.department ?? ''}>{r.unitName || shortOrgName(r.department ?? '')}</span> },
    { title: '整改期限', key: 'deadline', width: 130, render: (_: unknown, r) => <div>{r.deadline}<div className={r.overdue ? 'rc-overdue' : 'muted'} style={{ fontSize: 12 }}>{deadlineText(r.daysLeft)}</div></div> },
    { title: '状态', key: 'status', width: 100, render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
  ];

  return (
    <>
      <PageHead
        title="整改"
        sub="目标审核、运行监控预警、绩效自评、绩效评价和外部检查发现的问题：下发整改通知 → 责任单位反馈整改情况并上传佐证材料 → 财政审核人核实销号或退回。"
        extra={
          <Space wrap>
            {filters.departmentId ? (
              <OutputJobButton request={{ format: 'rectification-report', id: filters.departmentId }}>下载该部门整改情况报告</OutputJobButton>
            ) : (
              <span className="muted">选择责任部门后可下载其整改情况报告</span>
            )}
            {manages ? (
              <Button type="primary" onClick={() => setCreating(true)}>
                登记整改
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <div className="toolbar rc-filters">
          <Select<RectificationStatus> allowClear placeholder="全部状态" aria-label="状态" style={{ width: 140 }} value={filters.status} onChange={(status) => set({ status })} options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))} />
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部责任部门"
            aria-label="责任部门"
            style={{ width: 200 }}
            value={filters.departmentId}
            onChange={(departmentId) => set({ departmentId })}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: shortOrgName(d.name) }))}
          />
          <Checkbox checked={filters.overdue === true} onChange={(e) => set({ overdue: e.target.checked })}>
            只看已逾期
          </Checkbox>
          <Input.Search allowClear placeholder="按问题、单位或项目搜索" aria-label="搜索整改" style={{ maxWidth: 260 }} onSearch={(search) => set({ search })} />
        </div>
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        <Table<RectificationSummaryDto>
          rowKey="id"
          size="small"
          className="rc-table"
          columns={columns}
          dataSource={loaded.data?.items ?? []}
          loading={loaded.loading}
          scroll={{ x: 640 }}
          rowClassName={(r) => (r.overdue ? 'rc-row-overdue' : '')}
          pagination={{ current: filters.offset / PAGE_SIZE + 1, pageSize: PAGE_SIZE, total: loaded.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: (page) => setFilters((f) => ({ ...f, offset: (page - 1) * PAGE_SIZE })) }}
          locale={{ emptyText: loaded.loading ? ' ' : <EmptyState title="没有符合条件的整改事项" hint={manages ? '点「登记整改」新建，或在目标审核、运行监控页由问题生成。' : '财政部门下发整改通知后，会出现在这里。'} /> }}
        />
      </Card>
      {creating ? <CreateRectificationDialog open onClose={() => setCreating(false)} /> : null}
    </>
  );
}
