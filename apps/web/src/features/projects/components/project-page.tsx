import { Card, Descriptions, Skeleton } from 'antd';
import { EmptyState, ErrorState, NotFound } from '../../../components/page-states';
import { PageHead, Stat } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { formatWan } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { getProject, projectKeys } from '../api';
import { IndicatorTable } from './indicator-table';

export function ProjectPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const project = useApiQuery(projectKeys.detail(id), (signal) => getProject(id, signal));

  if (project.error instanceof ApiError && project.error.status === 404) return <NotFound what="项目" />;
  if (project.error) return <ErrorState error={project.error} onRetry={project.reload} />;
  const p = project.data;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;

  const byLevel1 = new Map<string, number>();
  for (const i of p.indicators) byLevel1.set(i.level1 ?? '未分类', (byLevel1.get(i.level1 ?? '未分类') ?? 0) + 1);

  return (
    <>
      <PageHead
        title={p.name}
        crumbs={[
          { label: '部门', to: '/departments' },
          { label: p.departmentName, to: `/departments/${p.departmentId}` },
          { label: p.name },
        ]}
        sub={
          <span>
            {p.unitName}
            {p.year ? ` · ${p.year} 年度` : ''}
            {p.code ? <span className="code"> · {p.code}</span> : null}
          </span>
        }
      />
      <div className="stat-row">
        <Stat label="项目金额" value={formatWan(p.amount, p.amountUnit)} unit="万元" />
        <Stat label="绩效指标" value={p.indicators.length} unit="条" />
        {[...byLevel1].map(([name, n]) => (
          <Stat key={name} label={name} value={n} unit="条" />
        ))}
      </div>
      <Card title="项目信息" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
          items={[
            { key: 'dept', label: '主管部门', children: <Link to={`/departments/${p.departmentId}`}>{p.departmentName}</Link> },
            { key: 'unit', label: '预算单位', children: p.unitName },
            { key: 'code', label: '项目编码', children: p.code ?? '—' },
            { key: 'category', label: '项目类别', children: p.category ?? '—' },
            { key: 'year', label: '预算年度', children: p.year ?? '—' },
            { key: 'amount', label: '金额（万元）', children: <span className="num">{formatWan(p.amount, p.amountUnit)}</span> },
            ...(p.description ? [{ key: 'desc', label: '项目情况简介', span: 'filled' as const, children: <div className="goal-text">{p.description}</div> }] : []),
            {
              key: 'goal',
              label: '绩效目标',
              span: 'filled' as const,
              children: p.goal ? <div className="goal-text">{p.goal}</div> : <span className="muted">文档中没有填写绩效目标</span>,
            },
          ]}
        />
      </Card>
      <Card title="绩效指标" size="small">
        {p.indicators.length ? (
          <IndicatorTable indicators={p.indicators} />
        ) : (
          <EmptyState title="这个项目没有绩效指标" hint="每个项目都应设置产出、效益和满意度指标。请在原表中补充后重新导入。" />
        )}
      </Card>
    </>
  );
}
