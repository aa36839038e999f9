import type { DocumentSummaryDto } from '@jixiao/contract';
import { chinaTime } from '@jixiao/core';
import { App, Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { shortOrgName } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { useInvalidate, type ApiQuery } from '../../../lib/query';
import { chineseReason, DOCUMENT_KIND_LABELS, withdrawDocument, documentKeys } from '../api';

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

/**
 * The imported documents, newest first, with what tells documents of one title apart (units, year, version, file,
 * who imported and when). 撤回 asks first; the server refuses a document anyone has acted on and says why.
 */
export function DocumentList({ documents, canWithdraw }: { documents: ApiQuery<DocumentSummaryDto[]>; canWithdraw: boolean }) {
  const { modal, message } = App.useApp();
  const invalidate = useInvalidate();

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
    <Card title="已导入的文档" size="small">
      {documents.error ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
      <Table<DocumentSummaryDto>
        rowKey="id"
        size="middle"
        columns={columns(canWithdraw ? confirmWithdraw : null)}
        dataSource={[...(documents.data ?? [])].sort((a, b) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id)}
        loading={documents.loading}
        pagination={(documents.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: documents.loading ? ' ' : <EmptyState title="还没有导入任何文档" hint="在上方选择一个文件开始。" /> }}
      />
    </Card>
  );
}
