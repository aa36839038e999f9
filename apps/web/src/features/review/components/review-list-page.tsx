/**
 * 审核: pick a stored document to review, or upload one (the import page's upload) and go straight to its review.
 * A reviewer sees first what awaits review (审核中, issue 13 item 2), everyone the status of each document.
 * Keyboard: type to filter, Enter opens the first match.
 */
import type { DocumentSummaryDto } from '@jixiao/contract';
import { TARGET_STATUS_LABELS } from '@jixiao/core';
import { Alert, Button, Card, Input, InputNumber, Segmented, Table, Tag, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { shortOrgName } from '../../../lib/format';
import { Link, navigate } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { usePagedSearch } from '../../../lib/paged-search';
import { ACCEPTED_FILES, DOCUMENT_KIND_LABELS, documentKeys, listDocuments, uploadDocument, type DocumentListQuery } from '../../import';
import { useCan, useYear } from '../../session';
import { TARGET_STATUS_COLORS } from '../../workflow';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../review.css';

type Scope = 'awaiting' | 'targets' | 'all';
const SCOPE_LABELS: Record<Scope, string> = { awaiting: '待审核', targets: '全部绩效目标', all: '全部文档' };

const columns: ColumnsType<DocumentSummaryDto> = [
  {
    title: '文档',
    dataIndex: 'title',
    render: (title: string, d) => (
      <div>
        <Link to={`/review/${d.id}`}>{title}</Link>
        <div className="muted" style={{ fontSize: 12 }}>
          {DOCUMENT_KIND_LABELS[d.kind]}
          {d.fileName ? ` · ${d.fileName}` : ''}
        </div>
      </div>
    ),
  },
  { title: '部门', dataIndex: 'department', width: 200, render: (n: string | null) => (n ? <span title={n}>{shortOrgName(n)}</span> : <span className="muted">—</span>) },
  { title: '年度', dataIndex: 'year', width: 70, align: 'center', render: (y: number | null) => y ?? '—' },
  {
    title: '状态',
    dataIndex: 'targetStatus',
    width: 96,
    render: (status: DocumentSummaryDto['targetStatus']) => (status ? <Tag color={TARGET_STATUS_COLORS[status]}>{TARGET_STATUS_LABELS[status]}</Tag> : <span className="muted">—</span>),
  },
  { title: '版本', dataIndex: 'version', width: 60, align: 'center' },
  { title: '项目', dataIndex: 'projectCount', width: 70, align: 'right', className: 'num' },
  { title: '指标', dataIndex: 'indicatorCount', width: 70, align: 'right', className: 'num' },
  {
    title: '',
    key: 'open',
    width: 96,
    render: (_: unknown, d) => (
      <Button size="small" type={d.targetStatus === 'in-review' ? 'primary' : 'default'} ghost={d.targetStatus === 'in-review'} onClick={() => navigate(`/review/${d.id}`)}>
        {d.targetStatus === 'in-review' ? '开始审核' : '打开'}
      </Button>
    ),
  },
];

const PAGE = 50;

export function ReviewListPage() {
  const { search, setSearch, words, offset, setOffset, pagination } = usePagedSearch(PAGE);
  // Reviewers start on what awaits them; everyone else on the targets and where each stands.
  const reviewer = useCan('review.decide');
  const [workYear] = useYear();
  const [scope, setScope] = useState<Scope>(reviewer ? 'awaiting' : 'targets');
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // Filtered, ordered and paged by the server (issue 12 item 1): a city's documents never come down at once.
  const query: DocumentListQuery = {
    kind: scope === 'all' ? undefined : 'targets',
    status: scope === 'awaiting' ? 'in-review' : undefined,
    year: workYear,
    search: words || undefined,
    order: 'department',
    limit: PAGE,
    offset,
  };
  const documents = useApiQuery(documentKeys.list(query), (signal) => listDocuments(query, signal));
  const rows = documents.data?.items ?? [];
  const total = documents.data?.total ?? 0;

  async function upload(file: File) {
    setBusy(true);
    setFailure(undefined);
    try {
      const outcome = await uploadDocument(file, year ?? undefined);
      navigate(`/review/${outcome.documentId}`);
    } catch (e) {
      setFailure(`“${file.name}”没有导入：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHead title="审核" sub="选择一个已导入的绩效目标文档开始审核，或上传新文档。系统自动检查完整性、相关性、适当性、可行性，评审人逐条采纳或驳回后出具评审意见。" />
      <div className="rv-body rv-body-aside">
        <Card size="small" title={`${SCOPE_LABELS[scope]}（${total}）${workYear ? ` · ${workYear} 年度` : ''}`}>
          <div className="toolbar">
            <Input.Search
              autoFocus
              allowClear
              placeholder="按部门、文档或文件名筛选，回车打开第一个"
              aria-label="筛选文档"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={() => rows[0] && navigate(`/review/${rows[0].id}`)}
              style={{ maxWidth: 360 }}
            />
            <Segmented<Scope>
              value={scope}
              onChange={(v) => {
                setScope(v);
                setOffset(0);
              }} options={(Object.keys(SCOPE_LABELS) as Scope[]).map((value) => ({ value, label: SCOPE_LABELS[value] }))} />
          </div>
          {documents.error ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
          <Table<DocumentSummaryDto>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={documents.loading}
            pagination={pagination(total)}
            locale={{
              emptyText: documents.loading ? ' ' : scope === 'awaiting' && !search.trim() ? <EmptyState title="暂无待审核的绩效目标" hint="单位审批通过、报送财政审核后会出现在这里；切换到「全部绩效目标」查看其他状态。" /> : <EmptyState title="没有符合条件的文档" hint="换个筛选词，或在右侧上传文档。" />,
            }}
          />
        </Card>
        <Card size="small" title="上传并审核">
          <Upload.Dragger
            accept={ACCEPTED_FILES}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            customRequest={({ file }) => {
              if (file instanceof File) void upload(file);
            }}
          >
            <p style={{ margin: '12px 0 4px', fontSize: 15 }}>{busy ? '正在导入，请稍候…' : '选择或拖入文件'}</p>
            <p className="muted" style={{ margin: '0 8px 12px', fontSize: 12 }}>
              PDF、Word、Excel（含 .doc/.xls/.wps/.et）、文本或 jixiao/v1 .json；导入后直接进入审核
            </p>
          </Upload.Dragger>
          <div className="toolbar" style={{ marginTop: 10, marginBottom: 0 }}>
            <span>预算年度</span>
            <InputNumber<number> min={1990} max={2100} placeholder="如 2024" value={year} onChange={(v) => setYear(v)} style={{ width: 110 }} aria-label="预算年度" />
          </div>
          <div className="muted" style={{ fontSize: 12, marginTop: 6 }}>
            文档中没有写明年度时必须填写。
          </div>
          {failure ? <Alert type="error" showIcon title={failure} style={{ marginTop: 10 }} /> : null}
        </Card>
      </div>
    </>
  );
}
