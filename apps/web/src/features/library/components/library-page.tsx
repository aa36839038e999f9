/**
 * 指标库 (issue 13 item 4): what approved targets across departments and years set — the indicator's name, levels and
 * unit, how often and where it was set, and the spread of its annual target values — so a unit entering targets, and
 * a reviewer judging them, can see what comparable units aimed for.
 */
import { LEVEL2 } from '@jixiao/core';
import { Card, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { formatCount } from '../../../lib/format';
import { useApiQuery } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { getIndicatorLibrary, libraryKeys, type LibraryIndicatorDto } from '../api';
import { spreadText } from '../model';

const DIRECTION: Record<string, string> = { higher: '越高越好', lower: '越低越好' };

const columns: ColumnsType<LibraryIndicatorDto> = [
  { title: '绩效指标', dataIndex: 'name', width: 260, render: (name: string) => <b>{name}</b> },
  { title: '层级', key: 'level', width: 190, render: (_: unknown, e) => [e.level1, e.level2].filter(Boolean).join(' / ') || '—' },
  { title: '计量单位', dataIndex: 'unit', width: 90, render: (u: string | null) => u ?? '—' },
  { title: '方向', dataIndex: 'direction', width: 90, render: (d: string | null) => (d ? DIRECTION[d] ?? '—' : '—') },
  { title: '设定次数', dataIndex: 'count', width: 90, align: 'right', className: 'num' },
  { title: '部门数', dataIndex: 'departments', width: 80, align: 'right', className: 'num' },
  { title: '年度', dataIndex: 'years', width: 140, render: (years: number[]) => years.map((y) => <Tag key={y}>{y}</Tag>) },
  { title: '年度指标值分布', key: 'spread', width: 300, render: (_: unknown, e) => spreadText(e) },
];

export function LibraryPage() {
  const [search, setSearch] = useState('');
  const [level2, setLevel2] = useState<string | undefined>();
  const debounced = useDebounced(search.trim());
  const query = { ...(debounced ? { search: debounced } : {}), ...(level2 ? { level2 } : {}) };
  const loaded = useApiQuery(libraryKeys.list(query), (signal) => getIndicatorLibrary(query, signal));
  const rows = loaded.data ?? [];
  return (
    <>
      <PageHead title="指标库" sub="各部门各年度已批复的绩效指标：同名、同层级、同计量单位的归为一条，列出设定次数、部门数和年度指标值的分布，供设定和审核指标值时参考。" />
      <Card>
        <div className="toolbar">
          <Input.Search placeholder="按指标名称查找，例如：满意度" allowClear value={search} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 360 }} aria-label="查找指标" />
          <Select
            placeholder="全部二级指标"
            allowClear
            value={level2}
            onChange={setLevel2}
            options={LEVEL2.map((l) => ({ value: l.name, label: l.name }))}
            style={{ width: 180 }}
            aria-label="按二级指标筛选"
          />
          <span className="grow" />
          {loaded.data ? <span className="muted">{formatCount(rows.length)} 条{rows.length >= 200 ? '（显示设定次数最多的 200 条，可用关键词缩小范围）' : ''}</span> : null}
        </div>
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
        <Table<LibraryIndicatorDto>
          rowKey={(e) => `${e.name}|${e.level1 ?? ''}|${e.level2 ?? ''}|${e.unit ?? ''}|${e.direction ?? ''}`}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loaded.loading}
          scroll={{ x: 1100 }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: loaded.loading ? ' ' : <EmptyState title={debounced || level2 ? '没有符合条件的指标' : '指标库还是空的'} hint="绩效目标批复后，其指标进入指标库。" /> }}
        />
      </Card>
    </>
  );
}
