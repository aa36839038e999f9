import { Alert, Button, Card, InputNumber, Spin, Upload } from 'antd';
import { useState } from 'react';
import { PageHead } from '../../../components/page-head';
import { setQueryParam, useLocation } from '../../../lib/router';
import { useCan } from '../../session';
import { ACCEPTED_FILES, chineseReason, previewDocument, startImportJob, type ImportPreviewDto } from '../api';
import { DocumentList } from './document-list';
import { ImportPreview } from './import-preview';
import { type Outcome } from './import-outcome';
import { ImportJobView, RecentJobs } from './import-job';

/**
 * 导入 (issue 10 item 7): choosing a file reads it on the server and shows what was read — nothing is stored until
 * 「确认导入」, which sends the same file again as an import job (issue 12 item 5): its progress shows here, the job's
 * id goes into the address (`?job=`), so a reload shows it again. A file the readers refuse (or one with nothing in
 * it) is shown as the reason, never as a success.
 */
type Step =
  | { step: 'idle' }
  | { step: 'reading'; file: File }
  | { step: 'preview'; file: File; preview: ImportPreviewDto }
  | { step: 'saving'; file: File; preview: ImportPreviewDto }
  | { step: 'failed'; file: File; stage: 'read' | 'save'; message: string };

function UploadIcon() {
  return (
    <svg width="44" height="44" viewBox="0 0 48 48" aria-hidden="true">
      <path d="M12 34h24a8 8 0 0 0 1-15.9A12 12 0 0 0 14 16a9 9 0 0 0-2 18z" fill="#e8eef7" stroke="#1f4e8c" strokeWidth="2" />
      <path d="M24 36V22m-6 6 6-6 6 6" fill="none" stroke="#1f4e8c" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const messageOf = (e: unknown) => chineseReason(e instanceof Error ? e.message : String(e));

export function ImportPage() {
  const [year, setYear] = useState<number | null>(null);
  const [state, setState] = useState<Step>({ step: 'idle' });
  /** The problems the preview listed, for the job started from it (a reloaded page has only the count). */
  const [previewed, setPreviewed] = useState<{ jobId: number; problems: Outcome['problems'] } | null>(null);
  const jobParam = Number(useLocation().search.get('job'));
  const jobId = Number.isSafeInteger(jobParam) && jobParam > 0 ? jobParam : null;
  const canImport = useCan('document.import');
  const busy = state.step === 'reading' || state.step === 'saving';

  async function read(file: File) {
    setQueryParam('job', undefined);
    setState({ step: 'reading', file });
    try {
      setState({ step: 'preview', file, preview: await previewDocument(file, year ?? undefined) });
    } catch (e) {
      setState({ step: 'failed', file, stage: 'read', message: messageOf(e) });
    }
  }

  async function confirm(file: File, preview: ImportPreviewDto) {
    setState({ step: 'saving', file, preview });
    try {
      const job = await startImportJob(file, year ?? undefined);
      setPreviewed({ jobId: job.id, problems: preview.problems });
      setState({ step: 'idle' });
      setQueryParam('job', String(job.id));
    } catch (e) {
      setState({ step: 'failed', file, stage: 'save', message: messageOf(e) });
    }
  }

  return (
    <>
      <PageHead title="导入文档" sub="选择绩效目标表、评审意见或自评表，系统先读取并展示其中的部门、项目和绩效指标，核对无误后再确认导入。同一文件重复导入不会产生重复数据。" />
      <Card style={{ marginBottom: 16 }}>
        <Spin spinning={state.step === 'reading'} description="正在读取文件，请稍候…" size="large">
          <Upload.Dragger
            accept={ACCEPTED_FILES}
            multiple={false}
            showUploadList={false}
            disabled={busy || !canImport}
            customRequest={({ file }) => {
              if (file instanceof File) void read(file);
            }}
          >
            <p style={{ margin: '8px 0' }}>
              <UploadIcon />
            </p>
            <p style={{ fontSize: 16, margin: '4px 0' }}>{state.step === 'reading' ? `正在读取“${state.file.name}”…` : '点击选择文件，或把文件拖到这里'}</p>
            <p className="muted" style={{ margin: '4px 8px 8px' }}>
              支持：PDF（.pdf）、Word（.docx、.doc）、Excel（.xlsx、.xls）、WPS 文字与表格（.wps、.et）、从 PDF/Word 提取的文本（.txt）、jixiao/v1 交换格式（.json）。选择后先预览，确认后才导入。
            </p>
          </Upload.Dragger>
        </Spin>
        <div className="toolbar" style={{ marginTop: 12, marginBottom: 0, flexWrap: 'wrap' }}>
          <span>预算年度</span>
          <InputNumber<number> min={1990} max={2100} placeholder="如 2024" value={year} onChange={(v) => setYear(v)} style={{ width: 120 }} aria-label="预算年度" disabled={busy} />
          <span className="muted">文档中写明了年度时可不填；没写明时必须填写。</span>
        </div>
        <div className="toolbar" style={{ marginTop: 8, marginBottom: 0 }}>
          <span>没有现成的表格？下载空白模板，填好后在这里导入：</span>
          <Button size="small" href="/api/templates/project" download>
            项目支出绩效目标模板（.xlsx）
          </Button>
          <Button size="small" href="/api/templates/department" download>
            部门整体绩效目标模板（.xlsx）
          </Button>
        </div>
      </Card>

      {state.step === 'failed' ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setState({ step: 'idle' })}
          title={state.stage === 'read' ? `“${state.file.name}”无法读取，没有导入` : `“${state.file.name}”没有导入`}
          description={state.message}
          action={
            <Button size="small" onClick={() => void read(state.file)}>
              重新读取
            </Button>
          }
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      {state.step === 'preview' || state.step === 'saving' ? (
        <ImportPreview preview={state.preview} busy={state.step === 'saving'} onConfirm={() => void confirm(state.file, state.preview)} onCancel={() => setState({ step: 'idle' })} />
      ) : null}
      {jobId !== null && state.step === 'idle' ? (
        <ImportJobView key={jobId} jobId={jobId} {...(previewed?.jobId === jobId ? { problems: previewed.problems } : {})} onClose={() => setQueryParam('job', undefined)} />
      ) : null}
      <RecentJobs current={jobId} />

      <DocumentList canWithdraw={canImport} />
    </>
  );
}
