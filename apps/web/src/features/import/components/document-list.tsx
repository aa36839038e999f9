import type { DocumentSummaryDto } from '@jixiao/contract';
import { chinaTime } from '@jixiao/core';
import { App, Button, Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { shortOrgName } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { chineseReason, DOCUMENT_KIND_LABELS, listDocuments, withdrawDocument, documentKeys, type DocumentListQuery } from '../api';

function columns(onWithdraw: ((d: DocumentSummaryDto) => void) | null): ColumnsType<DocumentSummaryDto> {
  return [
    {
      title: '文档',
      dataIndex: 'title',
      render: (title: string, d) => (
        <div>
          <div>{title}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            {DOCUMENT_KIND_LABELS[d.kind]}
            {d.fileName ? ` · ${d.fileName}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: '部门 / 预算单位',
      dataIndex: 'department',
      width: 170,
      render: (name: string | null, d) => (
        <div>
          {name && d.departmentId ? <Link to={`/departments/${d.departmentId}`}>{shortOrgName(name)}</Link> : <span className="muted">—</span>}
          {d.units.length && !(d.units.length === 1 && d.units[0] === name) ? (
            <div className="muted" style={{ fontSize: 12 }} title={d.units.join('、')}>
              {d.units.length > 2 ? `${d.units.slice(0, 2).map(shortOrgName).join('、')} 等 ${d.units.length} 个单位` : d.units.map(shortOrgName).join('、')}
            </div>
          ) : null}
        </div>
      ),
    },
    { title: '年度', dataIndex: 'year', width: 64, align: 'center', render: (y: number | null) => y ?? '—' },
    { title: '版本', dataIndex: 'version', width: 64, align: 'center', render: (v: number, d) => (d.versionCount > 1 ? `${v} / ${d.versionCount}` : v) },
    { title: '项目', dataIndex: 'projectCount', width: 60, align: 'right', className: 'num' },
    { title: '指标', dataIndex: 'indicatorCount', width: 60, align: 'right', className: 'num' },
    {
      title: '问题',
      dataIndex: 'problemCount',
      width: 60,
      align: 'right',
      render: (n: number) => (n ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{n}</Tag> : <span className="muted">0</span>),
    },
    {
      title: '导入人 / 北京时间',
      dataIndex: 'importedAt',
      width: 140,
      render: (t: string, d) => (
        <div>
          <div>{d.importedBy ?? <span className="muted">—</span>}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            {chinaTime(t)}
          </div>
        </div>
      ),
    },
    ...(onWithdraw
      ? [
          {
            title: '',
            key: 'actions',
            width: 64,
            render: (_: unknown, d: DocumentSummaryDto) => (
              <Button size="small" danger onClick={() => onWithdraw(d)} aria-label={`撤回 ${d.fileName ?? d.title}`}>
                撤回
              </Button>
            ),
          },
        ]
      : []),
  ];
}

const PAGE = 20;

/**
 * The imported documents, newest first, a page at a time from the server (issue 12 item 1), with what tells
 * documents of one title apart (units, year, version, file, who imported and when); a search finds any of them.
 * 撤回 asks first; the server refuses a document anyone has acted on and says why.
 */
export function DocumentList({ canWithdraw }: { canWithdraw: boolean }) {
  const { modal, message } = App.useApp();
  const invalidate = useInvalidate();
  const [search, setSearch] = useState('');
  const words = useDebounced(search.trim());
  const [offset, setOffset] = useState(0);
  const query: DocumentListQuery = { search: words || undefined, order: 'recent', limit: PAGE, offset };
  const documents = useApiQuery(documentKeys.list(query), (signal) => listDocuments(query, signal));
  const total = documents.data?.total ?? 0;

  function confirmWithdraw(d: DocumentSummaryDto) {
    modal.confirm({
      title: `撤回“${d.fileName ?? d.title}”？`,
      content: `将删除该文档（${d.title}，共 ${d.versionCount} 个版本、${d.projectCount} 个项目、${d.indicatorCount} 条指标）。撤回后不可恢复；只有尚未提交的草稿可以撤回。`,
      okText: '撤回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const gone = await withdrawDocument(d.id);
          void message.success(`已撤回“${gone.title}”。`);
          void invalidate(documentKeys.all);
        } catch (e) {
          void message.error({ content: chineseReason(e instanceof Error ? e.message : String(e)), duration: 8 });
        }
      },
    });
  }

  return (
    <Card
      title={`已导入的文档${documents.data ? `（${total}）` : ''}`}
      size="small"
      extra={
        <Input.Search
          allowClear
          size="small"
          placeholder="按文档、部门或文件名查找"
          aria-label="查找已导入的文档"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
          style={{ width: 220 }}
        />
      }
    >
      {documents.error ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
      <Table<DocumentSummaryDto>
        rowKey="id"
        size="middle"
        columns={columns(canWithdraw ? confirmWithdraw : null)}
        dataSource={documents.data?.items ?? []}
        loading={documents.loading}
        pagination={total > PAGE ? { current: offset / PAGE + 1, pageSize: PAGE, total, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * PAGE) } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: documents.loading ? ' ' : words ? <EmptyState title={`没有找到包含“${words}”的文档`} hint="试试更短的关键词。" /> : <EmptyState title="还没有导入任何文档" hint="在上方选择一个文件开始。" /> }}
      />
    </Card>
  );
}
