import type { ProjectDto } from '@jixiao/contract';
import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState, type ReactNode } from 'react';
import { formatWan, shortOrgName } from '../../../lib/format';
import { Link, navigate } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { listProjects, projectKeys, type ProjectQuery } from '../api';

const PAGE_SIZE = 20;

/** `32-其他事业发展性支出` → code and name, so the code can be shown small beside the words people read. */
function splitCategory(category: string): { code: string | null; name: string } {
  const m = /^(\d+)\s*-\s*(.+)$/.exec(category);
  return m ? { code: m[1] ?? null, name: m[2] ?? category } : { code: null, name: category };
}

function columns(showDepartment: boolean, showUnit: boolean, rows: ProjectDto[]): ColumnsType<ProjectDto> {
  const cols: ColumnsType<ProjectDto> = [
    {
      title: '项目名称',
      dataIndex: 'name',
      render: (name: string, p) => (
        <div>
          <Link to={`/projects/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          {p.code ? <div className="code">{p.code}</div> : null}
        </div>
      ),
    },
  ];
  const org = (name: string) => (
    <Tooltip title={name}>
      <span>{shortOrgName(name)}</span>
    </Tooltip>
  );
  if (showDepartment) cols.push({ title: '部门', dataIndex: 'departmentName', width: 170, ellipsis: { showTitle: false }, render: org });
  if (showUnit) cols.push({ title: '预算单位', dataIndex: 'unitName', width: 200, ellipsis: { showTitle: false }, render: org });
  // Columns every row leaves empty (a layout without categories, a single year) only add noise.
  const showCategory = rows.some((p) => p.category);
  const years = new Set(rows.map((p) => p.year));
  if (showCategory)
    cols.push({
      title: '项目类别',
      dataIndex: 'category',
      width: 190,
      render: (c: string | null) => {
        if (!c) return <span className="muted">—</span>;
        const { code, name } = splitCategory(c);
        return (
          <span>
            {name}
            {code ? <span className="code"> {code}</span> : null}
          </span>
        );
      },
    });
  if (showDepartment || years.size > 1) cols.push({ title: '年度', dataIndex: 'year', width: 70, align: 'center', render: (y: number | null) => y ?? <span className="muted">—</span> });
  cols.push(
    { title: '金额（万元）', dataIndex: 'amount', width: 130, align: 'right', className: 'num', render: (v: number | null, p) => formatWan(v, p.amountUnit) },
    {
      title: '绩效指标',
      dataIndex: 'indicatorCount',
      width: 90,
      align: 'right',
      className: 'num',
      render: (n: number) => (n === 0 ? <Tooltip title="该项目没有绩效指标"><span style={{ color: '#d46b08' }}>0</span></Tooltip> : n),
    },
  );
  return cols;
}

export interface ProjectTableProps {
  query: Omit<ProjectQuery, 'limit' | 'offset'>;
  showDepartment?: boolean;
  showUnit?: boolean;
  empty: ReactNode;
  onTotal?: (total: number) => void;
}

/** Projects, paged on the server (limit/offset), newest query wins. */
export function ProjectTable({ query, showDepartment = false, showUnit = true, empty, onTotal }: ProjectTableProps) {
  const [page, setPage] = useState(1);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    // A new search starts at page one.
    setLastKey(key);
    setPage(1);
  }
  const pageQuery = { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const result = useApiQuery(projectKeys.list(pageQuery), (signal) => listProjects(pageQuery, signal));
  // The total is told when an answer arrives, a cached one included (the page's heading shows it).
  const total = result.data?.total;
  useEffect(() => {
    if (total !== undefined) onTotal?.(total);
  }, [total, onTotal]);
  return (
    <>
      {result.error ? <div style={{ color: '#cf1322', marginBottom: 8 }}>{result.error.message}</div> : null}
      <Table<ProjectDto>
        className="clickable-rows"
        rowKey="id"
        size="middle"
        columns={columns(showDepartment, showUnit, result.data?.items ?? [])}
        dataSource={result.data?.items ?? []}
        loading={result.loading}
        onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`) })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (t) => `共 ${t} 个项目`,
          onChange: setPage,
        }}
        locale={{ emptyText: result.loading ? ' ' : empty }}
      />
    </>
  );
}
