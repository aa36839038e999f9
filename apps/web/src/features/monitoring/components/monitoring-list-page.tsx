/**
 * 监控: the target documents with their monitoring reports; open one, or start one for a document and a cut-off
 * month (default: the rule set's 7, i.e. 1–7月).
 */
import type { DocumentSummaryDto } from '@jixiao/contract';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
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
import { listMonitoring, startMonitoring, STATUS_LABELS, type MonitoringSummaryDto, monitoringKeys } from '../api';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../monitoring.css';

interface Row {
  document: DocumentSummaryDto;
  reports: MonitoringSummaryDto[];
}

const PAGE = 50;

export function MonitoringListPage() {
  const { search, setSearch, words, offset, pagination } = usePagedSearch(PAGE);
  // From 工作台's 「运行监控待填报」: that document alone, already chosen for a start.
  const only = Number(useLocation().search.get('documentId')) || undefined;
  const [workYear] = useYear();
  const [chosen, setChosen] = useState<number | undefined>(only);
  const [month, setMonth] = useState<number | null>(7);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // The target documents a page at a time, filtered by the server (issue 12 item 1); their reports beside them.
  const query: DocumentListQuery = { kind: 'targets', ...(only === undefined ? { year: workYear } : { documentId: only }), search: words || undefined, order: 'department', limit: PAGE, offset };
  const documents = useApiQuery(documentKeys.list(query), (signal) => listDocuments(query, signal));
  const monitoring = useApiQuery(monitoringKeys.list(), (signal) => listMonitoring(signal));
  const total = documents.data?.total ?? 0;

  const rows = useMemo<Row[]>(
    () => (documents.data?.items ?? []).map((document) => ({ document, reports: (monitoring.data ?? []).filter((r) => r.documentId === document.id) })),
    [documents.data, monitoring.data],
  );
  const error = documents.error ?? monitoring.error;
  const reload = () => {
    documents.reload();
    monitoring.reload();
  };

  async function start() {
    if (!chosen || !month) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await startMonitoring({ documentId: chosen, cutoffMonth: month });
      navigate(`/monitoring/${created.id}`);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<Row> = [
    {
      title: '文档',
      key: 'title',
      render: (_: unknown, { document: d }) => (
        <div>
          <div>{d.title}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            {DOCUMENT_KIND_LABELS[d.kind]} · {d.year ?? '—'}年度 · {d.projectCount} 个项目 {d.indicatorCount} 个指标{d.fileName ? ` · ${d.fileName}` : ''}
          </div>
        </div>
      ),
    },
    { title: '部门', key: 'department', width: 180, render: (_: unknown, { document: d }) => (d.department ? <span title={d.department}>{shortOrgName(d.department)}</span> : <span className="muted">—</span>) },
    {
      title: '运行监控',
      key: 'reports',
      width: 320,
      render: (_: unknown, { document: d, reports }) =>
        evaluationStartRefusal(d, 'monitoring') && reports.length === 0 ? (
          <NotApproved reason={evaluationStartRefusal(d, 'monitoring')!} />
        ) : reports.length === 0 ? (
          <Button size="small" onClick={() => setChosen(d.id)}>
            选择此文档
          </Button>
        ) : (
          <Space wrap size={4}>
            {reports.map((r) => (
              <Link key={r.id} to={`/monitoring/${r.id}`} className="mo-report-link">
                截至 {r.cutoffMonth} 月 <Tag color={r.status === 'submitted' ? 'green' : 'default'}>{STATUS_LABELS[r.status]}</Tag>
              </Link>
            ))}
            <Button size="small" type="link" onClick={() => setChosen(d.id)}>
              另一个月份
            </Button>
          </Space>
        ),
    },
  ];

  // Targets never approved are listed, not offered: the server would refuse them (the same core rule).
  const options = rows.map(({ document: d }) => {
    const refused = evaluationStartRefusal(d, 'monitoring') !== null;
    return { value: d.id, label: `${d.title}（${d.year ?? '—'}年度）${refused ? '（目标未批复）' : ''}`, disabled: refused };
  });

  return (
    <>
      <PageHead title="运行监控" sub="在监控月份对照序时进度检查预算执行和绩效目标完成情况（双监控）：每行自动亮灯，非绿灯的行须填写偏差原因、完成可能性和纠偏措施后才能提交。" />
      <div className="mo-list">
        <Card size="small" title={`绩效目标文档（${total}）${workYear && only === undefined ? ` · ${workYear} 年度` : ''}`}>
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
          {only !== undefined ? <OnlyOneAlert to="/monitoring" /> : null}
          {error ? <ErrorState error={error} onRetry={reload} /> : null}
          <Table<Row>
            rowKey={(r) => r.document.id}
            size="small"
            columns={columns}
            dataSource={rows}
            loading={documents.loading || monitoring.loading}
            pagination={pagination(total)}
            locale={{ emptyText: documents.loading ? ' ' : <EmptyState title="没有绩效目标文档" hint="先在「导入」页导入绩效目标表。" /> }}
          />
        </Card>
        <Card size="small" title="开始运行监控">
          <div className="mo-start">
            <label>
              <span>文档</span>
              <Select<number> showSearch optionFilterProp="label" placeholder="选择绩效目标文档" aria-label="监控文档" value={chosen} onChange={setChosen} options={options} style={{ width: '100%' }} />
            </label>
            <label>
              <span>截止月份</span>
              <InputNumber<number> min={1} max={12} value={month} onChange={setMonth} addonBefore="1 –" addonAfter="月" aria-label="截止月份" style={{ width: 160 }} />
            </label>
            <Button type="primary" onClick={() => void start()} loading={busy} disabled={!chosen || !month}>
              开始监控
            </Button>
            <div className="muted" style={{ fontSize: 12 }}>
              序时进度 = 月份 ÷ 12。每个文档每个月份只有一份监控报告。
            </div>
            {failure ? <Alert type="error" showIcon title={failure} /> : null}
          </div>
        </Card>
      </div>
    </>
  );
}
