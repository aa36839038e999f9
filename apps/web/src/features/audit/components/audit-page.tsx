/**
 * 审计日志 (admins and finance reviewers): every change — who, when, what, which object, before and after, which
 * request — newest first, filtered by who / what / object / dates, exported as CSV.
 */
import type { AuditEntryDto } from '@jixiao/contract';
import { AUDIT_ACTION_LABELS as ACTION_LABELS, AUDIT_OBJECT_LABELS as OBJECT_LABELS } from '@jixiao/core';
import { Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { useApiQuery } from '../../../lib/query';
import { auditExportUrl, listAudit, type AuditFilter, auditKeys } from '../api';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="audit-json">{JSON.stringify(value, null, 1)}</pre>;
}

function BeforeAfter({ entry }: { entry: AuditEntryDto }) {
  return (
    <Space align="start" size="large">
      <div>
        <Typography.Text strong>修改前</Typography.Text>
        <Json value={entry.before} />
      </div>
      <div>
        <Typography.Text strong>修改后</Typography.Text>
        <Json value={entry.after} />
      </div>
    </Space>
  );
}

const renderBeforeAfter = (entry: AuditEntryDto) => <BeforeAfter entry={entry} />;

interface FilterForm {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE = 50;

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  // Keyset paging (issue 12 item 2): each later page starts below the last entry of the one before; the stack of
  // those ids is the way back.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1);
  const page = useApiQuery(auditKeys.page(filter, { limit: PAGE, before }), (signal) => listAudit(filter, { limit: PAGE, before }, signal));
  const items = page.data?.items ?? [];
  const shown = cursors.length * PAGE + items.length;
  const hasMore = items.length === PAGE && (page.data?.capped === true || shown < (page.data?.total ?? 0));

  useEffect(() => {
    document.title = '审计日志 · jixiao 预算绩效管理';
  }, []);

  function apply(v: FilterForm) {
    const next: AuditFilter = {};
    for (const key of ['actor', 'action', 'objectType', 'objectId'] as const) if (v[key]?.trim()) next[key] = v[key].trim();
    if (v.dates?.[0]) next.from = v.dates[0].format('YYYY-MM-DD');
    if (v.dates?.[1]) next.to = v.dates[1].add(1, 'day').format('YYYY-MM-DD');
    setFilter(next);
    setCursors([]);
  }

  return (
    <>
      <PageHead
        title="审计日志"
        sub="每一项修改：谁、何时、做了什么、修改前后的内容和请求编号。记录只增不改。"
        extra={
          <Button href={auditExportUrl(filter)} download>
            导出 CSV
          </Button>
        }
      />
      <Form<FilterForm> layout="inline" onFinish={apply} className="audit-filter">
        <Form.Item name="actor" label="操作人账号">
          <Input allowClear placeholder="如 admin" />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input allowClear placeholder="如 user. 或 review.dismiss" />
        </Form.Item>
        <Form.Item name="objectType" label="对象类型">
          <Input allowClear placeholder="document / user …" />
        </Form.Item>
        <Form.Item name="objectId" label="对象编号">
          <Input allowClear />
        </Form.Item>
        <Form.Item name="dates" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              筛选
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {page.error ? (
        <ErrorState error={page.error} onRetry={page.reload} />
      ) : (
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          loading={page.loading}
          dataSource={items}
          pagination={false}
          expandable={{
            expandedRowRender: renderBeforeAfter,
          }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
            { title: '操作人', key: 'actor', render: (_, e) => `${e.actor.displayName}（${e.actor.username}）` },
            { title: '操作', dataIndex: 'action', render: (a: string) => ACTION_LABELS[a] ?? a },
            { title: '对象', key: 'object', render: (_, e) => `${OBJECT_LABELS[e.objectType] ?? e.objectType} 第 ${e.objectId} 号` },
            { title: '请求编号', dataIndex: 'requestId', render: (r: string | null) => <Typography.Text type="secondary" copyable={r ? { text: r } : false}>{r ? r.slice(0, 8) : '—'}</Typography.Text> },
          ]}
        />
      )}
      <div className="audit-pager">
        <span className="muted">
          {page.data ? `第 ${cursors.length + 1} 页 · ${page.data.capped ? `超过 ${page.data.total.toLocaleString('zh-CN')} 条` : `共 ${page.data.total.toLocaleString('zh-CN')} 条`}` : ' '}
        </span>
        <Space>
          <Button size="small" disabled={cursors.length === 0} onClick={() => setCursors([])}>
            最新
          </Button>
          <Button size="small" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
            上一页
          </Button>
          <Button size="small" disabled={!hasMore} onClick={() => setCursors((c) => [...c, items.at(-1)!.id])}>
            下一页
          </Button>
        </Space>
      </div>
    </>
  );
}
