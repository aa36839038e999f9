import type { DepartmentDto } from '@jixiao/contract';
import { sumAmounts } from '@jixiao/core';
import { Card, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { EmptyState, ErrorState, GoImportButton } from '../../../components/page-states';
import { PageHead, Stat } from '../../../components/page-head';
import { formatCount, formatWan, toWanYuan } from '../../../lib/format';
import { Link, navigate, setQueryParam, useLocation } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { useYear } from '../../session';
import { listDepartments, departmentKeys } from '../api';

const columns: ColumnsType<DepartmentDto> = [
  {
    title: '部门名称',
    dataIndex: 'name',
    render: (name: string, d) => (
      <Link to={`/departments/${d.id}`} onClick={(e) => e.stopPropagation()}>
        {name}
      </Link>
    ),
    sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  },
  {
    title: '年度',
    dataIndex: 'years',
    width: 140,
    render: (years: number[]) => (years.length ? years.map((y) => <Tag key={y}>{y}</Tag>) : <span className="muted">—</span>),
  },
  { title: '预算单位', dataIndex: 'unitCount', width: 100, align: 'right', className: 'num', sorter: (a, b) => a.unitCount - b.unitCount },
  { title: '项目', dataIndex: 'projectCount', width: 90, align: 'right', className: 'num', sorter: (a, b) => a.projectCount - b.projectCount },
  { title: '绩效指标', dataIndex: 'indicatorCount', width: 100, align: 'right', className: 'num', sorter: (a, b) => a.indicatorCount - b.indicatorCount },
  {
    title: '项目金额（万元）',
    dataIndex: 'totalAmount',
    width: 170,
    align: 'right',
    className: 'num',
    render: (v: number | null, d) => formatWan(v, d.amountUnit),
    sorter: (a, b) => (toWanYuan(a.totalAmount, a.amountUnit) ?? 0) - (toWanYuan(b.totalAmount, b.amountUnit) ?? 0),
    defaultSortOrder: 'descend',
  },
];

export function DepartmentsPage() {
  const location = useLocation();
  // A deep link's ?year= wins; otherwise the year chosen in the header (issue 13 item 1).
  const [workYear, setWorkYear] = useYear();
  const yearParam = Number(location.search.get('year')) || workYear;
  const [search, setSearch] = useState(location.search.get('search') ?? '');
  const debounced = useDebounced(search.trim());

  const all = useApiQuery(departmentKeys.list({}), (signal) => listDepartments({}, signal));
  const shown = useApiQuery(departmentKeys.list({ search: debounced || undefined, year: yearParam }), (signal) => listDepartments({ search: debounced || undefined, year: yearParam }, signal));

  const years = useMemo(() => [...new Set((all.data ?? []).flatMap((d) => d.years))].sort((a, b) => b - a), [all.data]);
  const rows = useMemo(() => shown.data ?? [], [shown.data]);
  const totals = useMemo(
    () => ({
      units: rows.reduce((n, d) => n + d.unitCount, 0),
      projects: rows.reduce((n, d) => n + d.projectCount, 0),
      indicators: rows.reduce((n, d) => n + d.indicatorCount, 0),
      amount: sumAmounts(
        rows.map((d) => toWanYuan(d.totalAmount, d.amountUnit)),
        '万元',
      ),
    }),
    [rows],
  );

  const nothingImported = all.data !== undefined && all.data.length === 0;
  const filtered = Boolean(debounced || yearParam);

  return (
    <>
      <PageHead
        title="部门"
        sub="各主管部门（街道办事处等）及其预算单位、项目和绩效指标。点击部门查看明细。"
      />
      {shown.error ? <ErrorState error={shown.error} onRetry={shown.reload} /> : null}
      {!nothingImported ? (
        <div className="stat-row">
          <Stat label={filtered ? '符合条件的部门' : '部门'} value={formatCount(rows.length)} unit="个" />
          <Stat label="预算单位" value={formatCount(totals.units)} unit="个" />
          <Stat label="项目" value={formatCount(totals.projects)} unit="个" />
          <Stat label="绩效指标" value={formatCount(totals.indicators)} unit="条" />
          <Stat label="项目金额合计" value={formatWan(totals.amount)} unit="万元" />
        </div>
      ) : null}
      <Card>
        <div className="toolbar">
          <Input.Search
            placeholder="按部门名称搜索，如：金花街道"
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setQueryParam('search', e.target.value.trim() || undefined);
            }}
            style={{ maxWidth: 360 }}
            aria-label="搜索部门"
          />
          <Select
            placeholder="全部年度"
            allowClear
            value={yearParam}
            onChange={(v: number | undefined) => {
              setWorkYear(v);
              setQueryParam('year', undefined);
            }}
            options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
            style={{ width: 140 }}
            aria-label="按年度筛选"
          />
          <span className="grow" />
        </div>
        <Table<DepartmentDto>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={shown.loading}
          pagination={rows.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个部门` } : false}
          onRow={(d) => ({ onClick: () => navigate(`/departments/${d.id}`) })}
          locale={{
            emptyText: shown.loading ? ' ' : nothingImported ? (
              <EmptyState
                title="还没有任何部门数据"
                hint="导入一份项目支出绩效目标表、部门整体绩效目标或自评表后，部门会出现在这里。"
                action={<GoImportButton />}
              />
            ) : (
              <EmptyState title="没有符合条件的部门" hint="换个关键词，或清除年度筛选再试。" />
            ),
          }}
        />
      </Card>
    </>
  );
}
