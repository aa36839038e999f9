import type { UnitDto } from '@jixiao/contract';
import { Button, Card, Input, Select, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyState, ErrorState, NotFound } from '../../../components/page-states';
import { PageHead, Stat } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { formatCount, formatWan } from '../../../lib/format';
import { setQueryParam, useLocation } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { useDebounced } from '../../../lib/use-debounced';
import { ProjectTable } from '../../projects';
import { getDepartment, listUnits, departmentKeys } from '../api';

export function DepartmentPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const location = useLocation();
  const unitId = Number(location.search.get('unit')) || undefined;
  const [search, setSearch] = useState(location.search.get('search') ?? '');
  const debounced = useDebounced(search.trim());
  const [projectTotal, setProjectTotal] = useState<number | undefined>();

  const department = useApiQuery(departmentKeys.detail(id), (signal) => getDepartment(id, signal));
  const units = useApiQuery(departmentKeys.units(id), (signal) => listUnits(id, signal));

  if (department.error instanceof ApiError && department.error.status === 404) return <NotFound what="部门" />;
  if (department.error) return <ErrorState error={department.error} onRetry={department.reload} />;
  const d = department.data;
  if (!d) return <Skeleton active paragraph={{ rows: 8 }} />;

  const unitList = units.data ?? [];
  const selectedUnit = unitList.find((u) => u.id === unitId);
  const unitColumns: ColumnsType<UnitDto> = [
    {
      title: '预算单位',
      dataIndex: 'name',
      render: (name: string, u) => (
        <span>
          {name} {u.id === unitId ? <Tag color="blue">已筛选</Tag> : null}
        </span>
      ),
    },
    { title: '单位编码', dataIndex: 'code', width: 120, render: (c: string | null) => (c ? <span className="code">{c}</span> : <span className="muted">—</span>) },
    { title: '项目', dataIndex: 'projectCount', width: 80, align: 'right', className: 'num' },
    { title: '项目金额（万元）', dataIndex: 'totalAmount', width: 150, align: 'right', className: 'num', render: (v: number | null, u) => formatWan(v, u.amountUnit) },
  ];

  return (
    <>
      <PageHead
        title={d.name}
        crumbs={[{ label: '部门', to: '/departments' }, { label: d.name }]}
        sub={d.years.length ? `年度：${d.years.join('、')}` : undefined}
      />
      <div className="stat-row">
        <Stat label="预算单位" value={formatCount(d.unitCount)} unit="个" />
        <Stat label="项目" value={formatCount(d.projectCount)} unit="个" />
        <Stat label="绩效指标" value={formatCount(d.indicatorCount)} unit="条" />
        <Stat label="项目金额合计" value={formatWan(d.totalAmount, d.amountUnit)} unit="万元" />
      </div>

      {unitList.length > 1 ? (
        <Card title="预算单位" size="small" style={{ marginBottom: 16 }} extra={<span className="muted">点击单位可只看它的项目</span>}>
          <Table<UnitDto>
            className="clickable-rows"
            rowKey="id"
            size="small"
            columns={unitColumns}
            dataSource={unitList}
            loading={units.loading}
            pagination={false}
            onRow={(u) => ({ onClick: () => setQueryParam('unit', u.id === unitId ? undefined : String(u.id)) })}
            rowClassName={(u) => (u.id === unitId ? 'ant-table-row-selected' : '')}
          />
        </Card>
      ) : null}

      <Card
        title={
          <span>
            项目{selectedUnit ? ` · ${selectedUnit.name}` : ''}
            {projectTotal !== undefined ? <span className="muted" style={{ fontWeight: 400, marginLeft: 8 }}>{projectTotal} 个</span> : null}
          </span>
        }
      >
        <div className="toolbar">
          <Input.Search
            placeholder="按项目名称或编码搜索"
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setQueryParam('search', e.target.value.trim() || undefined);
            }}
            style={{ maxWidth: 360 }}
            aria-label="搜索本部门项目"
          />
          {unitList.length > 1 ? (
            <Select
              placeholder="全部预算单位"
              allowClear
              value={unitId}
              onChange={(v: number | undefined) => setQueryParam('unit', v ? String(v) : undefined)}
              options={unitList.map((u) => ({ value: u.id, label: u.name }))}
              style={{ minWidth: 260 }}
              popupMatchSelectWidth={false}
              aria-label="按预算单位筛选"
            />
          ) : null}
          {unitId || debounced ? (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                setQueryParam('search', undefined);
                setQueryParam('unit', undefined);
              }}
            >
              清除筛选
            </Button>
          ) : null}
        </div>
        <ProjectTable
          query={{ departmentId: id, unitId, search: debounced || undefined }}
          showUnit={!selectedUnit && unitList.length > 1}
          onTotal={setProjectTotal}
          empty={
            debounced || unitId ? (
              <EmptyState title="没有符合条件的项目" hint="换个关键词，或点“清除筛选”查看全部项目。" />
            ) : (
              <EmptyState title="这个部门还没有项目" hint="导入该部门的项目支出绩效目标表后，项目会出现在这里。" />
            )
          }
        />
      </Card>
    </>
  );
}
