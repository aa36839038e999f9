/**
 * One published target document, as residents read it: each project with its money, its goal and its indicators
 * (what will be achieved, by when, how much). Only the published (approved) version is ever shown.
 */
import { chinaTime } from '@jixiao/core';
import type { Indicator } from '@jixiao/core';
import { Card, Table } from 'antd';
import { ErrorState, NotFound } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { formatWan } from '../../../lib/format';
import { useApiQuery } from '../../../lib/query';
import { getPublishedTargets, publicKeys } from '../api';

const indicatorColumns = [
  { title: '类别', key: 'level', render: (_: unknown, i: Indicator) => [i.level1, i.level2].filter(Boolean).join(' / ') || '—' },
  { title: '绩效指标', dataIndex: 'name' },
  { title: '年度目标', key: 'annual', render: (_: unknown, i: Indicator) => i.annualTarget?.text ?? i.periodTarget?.text ?? '—' },
];

export function PublicDocumentPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const loaded = useApiQuery(publicKeys.detail(id), (signal) => getPublishedTargets(id, signal));
  if (!Number.isInteger(id) || id <= 0) return <NotFound what="公开信息" />;
  if (loaded.error) return loaded.error instanceof ApiError && loaded.error.status === 404 ? <NotFound what="公开信息" /> : <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <div className="app-loading">正在载入…</div>;
  const { item, document } = loaded.data;
  const projects = document.units.flatMap((u) => u.projects.map((p) => ({ unit: u.name, project: p })));
  return (
    <>
      <PageHead
        title={item.title}
        crumbs={[{ label: '信息公开', to: '/public' }, { label: item.title }]}
        sub={`${item.department ?? ''} · ${item.year ?? ''} 年度 · 已批复的第 ${item.version} 版 · ${chinaTime(item.publishedAt)} 公开`}
      />
      {document.goalText ? (
        <Card size="small" title="总体绩效目标" style={{ marginBottom: 12 }}>
          <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{document.goalText}</p>
        </Card>
      ) : null}
      {projects.map(({ unit, project }, k) => (
        <Card key={k} size="small" style={{ marginBottom: 12 }} title={project.name} extra={`${unit} · ${formatWan(project.amount, document.amountUnit)} 万元`}>
          {project.goal ? <p style={{ whiteSpace: 'pre-wrap' }}>{project.goal}</p> : null}
          <Table size="small" rowKey={(i) => i.no} columns={indicatorColumns} dataSource={project.indicators} pagination={false} />
        </Card>
      ))}
    </>
  );
}
