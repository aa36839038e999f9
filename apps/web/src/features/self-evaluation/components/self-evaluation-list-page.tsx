/**
 * 自评: the self-evaluations started so far, and the stored documents a self-evaluation can be started for — target
 * documents (actuals entered against the approved targets) and imported self-evaluation documents (their own
 * actuals become the entries).
 */
import { chinaTime, EVALUATION_STATUS_LABELS, type EvaluationWorkflowStatus } from '@jixiao/core';
import type { DocumentSummaryDto } from '@jixiao/contract';
import { Alert, Button, Card, Input, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { EmptyState, ErrorState, OnlyOneAlert } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { shortOrgName } from '../../../lib/format';
import { Link, navigate, useLocation } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { usePagedSearch } from '../../../lib/paged-search';
import { DOCUMENT_KIND_LABELS, documentKeys, listDocuments, type DocumentListQuery } from '../../import';
import { useYear } from '../../session';
import { evaluationStartRefusal } from '../../workflow';
import { NotApproved } from '../../../components/not-approved';
import { listSelfEvaluations, startSelfEvaluation, type SelfEvaluationSummaryDto, selfEvaluationKeys } from '../api';

const DOCUMENT_PAGE = 30;

export function SelfEvaluationListPage() {
  const evaluations = useApiQuery(selfEvaluationKeys.list(), (signal) => listSelfEvaluations(signal));
  const { search, setSearch, words, offset, pagination } = usePagedSearch(DOCUMENT_PAGE);
  // From 工作台's 「绩效自评待填报」: that document alone.
  const only = Number(useLocation().search.get('documentId')) || undefined;
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState<number | null>(null);
  // 审核完成 (done) self-evaluations are finished: they leave 「进行中」 (issue 13 item 2).
  const [shown, setShown] = useState<'open' | 'done'>('open');
  const [workYear] = useYear();
  const listed = useMemo(
    () => (evaluations.data ?? []).filter((e) => (shown === 'done') === (e.status === 'done') && (workYear === undefined || e.period === String(workYear))),
    [evaluations.data, shown, workYear],
  );
  const started = useMemo(() => new Map((evaluations.data ?? []).map((e) => [e.documentId, e])), [evaluations.data]);

  // The documents a page at a time, filtered by the server (issue 12 item 1).
  const query: DocumentListQuery = { ...(only === undefined ? { year: workYear } : { documentId: only }), search: words || undefined, order: 'department', limit: DOCUMENT_PAGE, offset };
  const documents = useApiQuery(documentKeys.list(query), (signal) => listDocuments(query, signal));
  const rows = documents.data?.items ?? [];
  const total = documents.data?.total ?? 0;

  async function start(d: DocumentSummaryDto) {
    const year = d.year ?? new Date().getFullYear() - 1;
    setBusy(d.id);
    setFailure(undefined);
    try {
      const created = await startSelfEvaluation(d.id, year);
      navigate(`/self-evaluation/${created.id}`);
    } catch (e) {
      setFailure(`未能开始自评：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  }

  const docColumns: ColumnsType<DocumentSummaryDto> = [
    {
      title: '文档',
      dataIndex: 'title',
      render: (title: string, d) => (
        <div>
          {title}
          <div className="muted" style={{ fontSize: 12 }}>
            {DOCUMENT_KIND_LABELS[d.kind]}
            {d.fileName ? ` · ${d.fileName}` : ''}
          </div>
        </div>
      ),
    },
    { title: '部门', dataIndex: 'department', width: 180, render: (n: string | null) => (n ? <span title={n}>{shortOrgName(n)}</span> : '—') },
    { title: '年度', dataIndex: 'year', width: 70, align: 'center', render: (y: number | null) => y ?? '—' },
    { title: '指标', dataIndex: 'indicatorCount', width: 70, align: 'right' },
    {
      title: '',
      key: 'go',
      width: 110,
      render: (_: unknown, d) => {
        const existing = started.get(d.id);
        const refused = existing ? null : evaluationStartRefusal(d, 'self-evaluation');
        if (refused) return <NotApproved reason={refused} />;
        return existing ? (
          <Button size="small" onClick={() => navigate(`/self-evaluation/${existing.id}`)}>
            继续填报
          </Button>
        ) : (
          <Button size="small" type="primary" ghost loading={busy === d.id} onClick={() => void start(d)} aria-label={`开始自评 ${d.title}`}>
            开始自评
          </Button>
        );
      },
    },
  ];

  const evalColumns: ColumnsType<SelfEvaluationSummaryDto> = [
    { title: '自评', dataIndex: 'title', render: (t: string, e) => <Link to={`/self-evaluation/${e.id}`}>{`${e.period} 年度 · ${t}`}</Link> },
    { title: '类型', dataIndex: 'scope', width: 90, render: (s: string) => <Tag>{s === 'project' ? '项目支出' : '部门整体'}</Tag> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag color={s === 'done' ? 'green' : s === 'returned' ? 'red' : s === 'submitted' || s === 'in-review' ? 'blue' : 'default'}>{EVALUATION_STATUS_LABELS[s as EvaluationWorkflowStatus] ?? s}</Tag>,
    },
    { title: '最后保存', key: 'updated', width: 220, render: (_: unknown, e) => <span className="muted">{`${e.updatedBy} · ${chinaTime(e.updatedAt)}`}</span> },
  ];

  return (
    <>
      <PageHead title="绩效自评" sub="年度终了，按批复的绩效目标填报实际完成值和预算执行数，系统按规则集即时计算得分和等级，生成自评表和自评报告。" />
      {failure ? <Alert type="error" showIcon title={failure} closable onClose={() => setFailure(undefined)} style={{ marginBottom: 12 }} /> : null}
      <Card
        size="small"
        title={`${shown === 'open' ? '进行中的自评' : '已完成的自评'}（${listed.length}）`}
        extra={<Segmented<'open' | 'done'> size="small" value={shown} onChange={setShown} options={[{ value: 'open', label: '进行中' }, { value: 'done', label: '已完成' }]} />}
        style={{ marginBottom: 16 }}
      >
        {evaluations.error ? <ErrorState error={evaluations.error} onRetry={evaluations.reload} /> : null}
        <Table<SelfEvaluationSummaryDto>
          rowKey="id"
          size="small"
          columns={evalColumns}
          dataSource={listed}
          loading={evaluations.loading}
          pagination={listed.length > 30 ? { pageSize: 30 } : false}
          locale={{
            emptyText: evaluations.loading ? ' ' : shown === 'done' ? <EmptyState title="还没有审核完成的自评" /> : <EmptyState title="没有进行中的自评" hint="在下方选择一个文档，点击「开始自评」；审核完成的自评在「已完成」中。" />,
          }}
        />
      </Card>
      <Card size="small" title={`选择文档开始自评（${total}）${workYear && only === undefined ? ` · ${workYear} 年度` : ''}`}>
        <div className="toolbar">
          <Input.Search
            allowClear
            placeholder="按部门、文档或文件名筛选"
            aria-label="筛选文档"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ maxWidth: 360 }}
          />
        </div>
        {only !== undefined ? <OnlyOneAlert to="/self-evaluation" /> : null}
        {documents.error ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
        <Table<DocumentSummaryDto>
          rowKey="id"
          size="small"
          columns={docColumns}
          dataSource={rows}
          loading={documents.loading}
          pagination={pagination(total)}
          locale={{ emptyText: documents.loading ? ' ' : <EmptyState title={words ? `没有找到包含“${words}”的文档` : '没有可以开始自评的文档'} hint={words ? '试试更短的关键词。' : '先在「导入」页导入绩效目标表或自评表。'} /> }}
        />
      </Card>
    </>
  );
}
