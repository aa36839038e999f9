import type { DocumentSummaryDto } from '@jixiao/contract';
import { Alert, Button, Card, InputNumber, List, Result, Space, Table, Tag, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyState, ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { Link, navigate } from '../../../lib/router';
import { useApi } from '../../../lib/use-api';
import { DOCUMENT_KIND_LABELS, getDocument, listDocuments, uploadDocument, type ImportOutcomeDto, type InterchangeDocument } from '../api';

type Outcome = { fileName: string; outcome: ImportOutcomeDto; document: InterchangeDocument | undefined };

const STATUS_TEXT: Record<ImportOutcomeDto['status'], { title: string; status: 'success' | 'info' }> = {
  created: { title: '导入成功', status: 'success' },
  'new-version': { title: '已导入为新版本', status: 'success' },
  unchanged: { title: '内容没有变化', status: 'info' },
};

const SEVERITY: Record<string, { color: string; label: string }> = {
  error: { color: 'red', label: '错误' },
  warning: { color: 'orange', label: '提醒' },
  info: { color: 'blue', label: '说明' },
};

function UploadIcon() {
  return (
    <svg width="44" height="44" viewBox="0 0 48 48" aria-hidden="true">
      <path d="M12 34h24a8 8 0 0 0 1-15.9A12 12 0 0 0 14 16a9 9 0 0 0-2 18z" fill="#e8eef7" stroke="#1f4e8c" strokeWidth="2" />
      <path d="M24 36V22m-6 6 6-6 6 6" fill="none" stroke="#1f4e8c" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function OutcomeView({ result }: { result: Outcome }) {
  const { outcome, document, fileName } = result;
  const text = STATUS_TEXT[outcome.status];
  const problems = document?.problems ?? [];
  const sub =
    outcome.status === 'unchanged'
      ? `“${fileName}”与已导入的第 ${outcome.version} 版完全相同，没有做任何改动。`
      : `“${fileName}”（${DOCUMENT_KIND_LABELS[outcome.kind]}，${outcome.year} 年度${outcome.department ? `，${outcome.department}` : ''}）：${outcome.projectCount} 个项目、${outcome.indicatorCount} 条绩效指标${outcome.status === 'new-version' ? `，现为第 ${outcome.version} 版（旧版本已保留）` : ''}。`;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Result
        status={text.status}
        title={text.title}
        subTitle={sub}
        style={{ padding: '16px 0' }}
        extra={
          <Space>
            {outcome.departmentId ? (
              <Button type="primary" onClick={() => navigate(`/departments/${outcome.departmentId}`)}>
                查看{outcome.department ? `“${outcome.department}”` : '部门'}
              </Button>
            ) : null}
            <Button href={`/api/documents/${outcome.documentId}`} target="_blank">
              查看 JSON
            </Button>
          </Space>
        }
      />
      {problems.length ? (
        <Alert
          type={problems.some((p) => p.severity === 'error') ? 'warning' : 'info'}
          showIcon
          title={`读取时发现 ${problems.length} 处需要留意的地方（不影响导入，请对照原文核实）`}
          description={
            <List
              size="small"
              dataSource={problems.slice(0, 50)}
              renderItem={(p) => (
                <List.Item style={{ padding: '4px 0' }}>
                  <span>
                    <Tag color={SEVERITY[p.severity]?.color}>{SEVERITY[p.severity]?.label ?? p.severity}</Tag>
                    {p.message}
                    {p.location.project ? <span className="muted">（项目：{p.location.project}）</span> : null}
                    {p.location.line ? <span className="muted">（第 {p.location.line} 行）</span> : null}
                  </span>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
    </Card>
  );
}

const documentColumns: ColumnsType<DocumentSummaryDto> = [
  {
    title: '文档',
    dataIndex: 'title',
    render: (title: string, d) => (
      <div>
        <div>{title}</div>
        <div className="muted" style={{ fontSize: 12 }}>
          {DOCUMENT_KIND_LABELS[d.kind]}
          {d.fileName ? ` · ${d.fileName}` : ''}
        </div>
      </div>
    ),
  },
  {
    title: '部门',
    dataIndex: 'department',
    width: 200,
    render: (name: string | null, d) => (name && d.departmentId ? <Link to={`/departments/${d.departmentId}`}>{name}</Link> : <span className="muted">—</span>),
  },
  { title: '年度', dataIndex: 'year', width: 70, align: 'center', render: (y: number | null) => y ?? '—' },
  { title: '版本', dataIndex: 'version', width: 70, align: 'center', render: (v: number, d) => (d.versionCount > 1 ? `${v} / ${d.versionCount}` : v) },
  { title: '项目', dataIndex: 'projectCount', width: 70, align: 'right', className: 'num' },
  { title: '指标', dataIndex: 'indicatorCount', width: 70, align: 'right', className: 'num' },
  {
    title: '问题',
    dataIndex: 'problemCount',
    width: 70,
    align: 'right',
    render: (n: number) => (n ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{n}</Tag> : <span className="muted">0</span>),
  },
  { title: '导入时间', dataIndex: 'importedAt', width: 150, render: (t: string) => new Date(t).toLocaleString('zh-CN', { hour12: false }) },
  {
    title: '',
    key: 'json',
    width: 70,
    render: (_: unknown, d) => (
      <a href={`/api/documents/${d.id}`} target="_blank" rel="noreferrer">
        JSON
      </a>
    ),
  },
];

export function ImportPage() {
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome | undefined>();
  const [failure, setFailure] = useState<{ fileName: string; message: string } | undefined>();
  const documents = useApi((signal) => listDocuments(signal), []);

  async function upload(file: File) {
    setBusy(true);
    setFailure(undefined);
    setResult(undefined);
    try {
      const outcome = await uploadDocument(file, year ?? undefined);
      const document = await getDocument(outcome.documentId).catch(() => undefined);
      setResult({ fileName: file.name, outcome, document });
      documents.reload();
    } catch (e) {
      setFailure({ fileName: file.name, message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHead title="导入文档" sub="上传绩效目标表、评审意见或自评表，系统读取其中的部门、项目和绩效指标。同一文件重复导入不会产生重复数据。" />
      <Card style={{ marginBottom: 16 }}>
        <Upload.Dragger
          accept=".txt,.xlsx,.json"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          customRequest={({ file }) => {
            if (file instanceof File) void upload(file);
          }}
        >
          <p style={{ margin: '8px 0' }}>
            <UploadIcon />
          </p>
          <p style={{ fontSize: 16, margin: '4px 0' }}>{busy ? '正在导入，请稍候…' : '点击选择文件，或把文件拖到这里'}</p>
          <p className="muted" style={{ margin: '4px 0 8px' }}>
            支持：从 PDF/Word 复制或提取的文本（.txt）、jixiao Excel 模板及区级常见版式（.xlsx）、jixiao/v1 交换格式（.json）
          </p>
        </Upload.Dragger>
        <div className="toolbar" style={{ marginTop: 12, marginBottom: 0 }}>
          <span>预算年度</span>
          <InputNumber<number>
            min={1990}
            max={2100}
            placeholder="如 2024"
            value={year}
            onChange={(v) => setYear(v)}
            style={{ width: 120 }}
            aria-label="预算年度"
          />
          <span className="muted">文档中写明了年度时可不填；没写明时必须填写。</span>
        </div>
      </Card>

      {failure ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFailure(undefined)}
          title={`“${failure.fileName}”没有导入`}
          description={failure.message}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {result ? <OutcomeView result={result} /> : null}

      <Card title="已导入的文档" size="small">
        {documents.error ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
        <Table<DocumentSummaryDto>
          rowKey="id"
          size="middle"
          columns={documentColumns}
          dataSource={[...(documents.data ?? [])].sort((a, b) => b.importedAt.localeCompare(a.importedAt))}
          loading={documents.loading}
          pagination={(documents.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: documents.loading ? ' ' : <EmptyState title="还没有导入任何文档" hint="在上方选择一个文件开始。" /> }}
        />
      </Card>
    </>
  );
}
