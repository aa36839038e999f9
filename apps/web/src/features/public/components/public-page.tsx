/**
 * 信息公开 (R12): what the district's units have published — approved performance targets and self-evaluation
 * results — for residents and 人大 deputies, without signing in. Plain words, one list, a search box.
 */
import { chinaTime } from '@jixiao/core';
import { Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { Link, setQueryParam, useLocation } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { useSyncedState } from '../../../lib/use-synced-state';
import { listPublished, type PublishedItemDto, publicKeys } from '../api';

const columns: ColumnsType<PublishedItemDto> = [
  { title: '部门', dataIndex: 'department', width: 200, render: (v: string | null) => v ?? '—' },
  { title: '年度', dataIndex: 'year', width: 80, render: (v: number | null) => v ?? '—' },
  {
    title: '公开内容',
    key: 'what',
    render: (_, item) =>
      item.type === 'targets' ? (
        <span>
          <Tag color="blue">绩效目标</Tag>
          <Link to={`/public/documents/${item.documentId}`}>{item.title}</Link>
        </span>
      ) : (
        <span>
          <Tag color="green">自评结果</Tag>
          {item.evaluationId !== null ? <Link to={`/public/self-evaluations/${item.evaluationId}`}>{`${item.title}（${item.period ?? ''}）`}</Link> : `${item.title}（${item.period ?? ''}）`}
        </span>
      ),
  },
  {
    title: '概要',
    key: 'summary',
    render: (_, item) =>
      item.type === 'targets' ? `${item.projectCount} 个项目，${item.indicatorCount} 个绩效指标` : item.total !== null ? `自评得分 ${item.total} 分，等级「${item.grade ?? '—'}」` : '自评结果',
  },
  { title: '公开时间', dataIndex: 'publishedAt', width: 150, render: (v: string) => chinaTime(v) },
];

export function PublicPage() {
  const location = useLocation();
  const search = location.search.get('search') ?? '';
  const [value, setValue] = useSyncedState(search);
  const loaded = useApiQuery(publicKeys.list(search ? { search } : {}), (signal) => listPublished(search ? { search } : {}, signal));
  return (
    <>
      <PageHead title="信息公开" sub="各单位已公开的绩效目标和绩效自评结果。草稿和审核中的材料不在此公开。" />
      <div className="toolbar">
        <Input.Search
          placeholder="按部门、项目名称查找"
          aria-label="查找公开信息"
          allowClear
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onSearch={(v) => setQueryParam('search', v.trim() || undefined)}
          style={{ maxWidth: 420 }}
        />
      </div>
      {loaded.error ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Table
          rowKey={(item) => `${item.type}-${item.evaluationId ?? item.documentId}`}
          columns={columns}
          dataSource={loaded.data ?? []}
          loading={loaded.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          // On a phone the table scrolls sideways in its box; its columns keep a readable width.
          scroll={{ x: 760 }}
          locale={{ emptyText: search ? `没有找到与「${search}」有关的公开信息` : '暂无公开信息' }}
        />
      )}
    </>
  );
}
