/**
 * The monitoring report of one document at a cut-off month: the budget lines and the indicator lines as editable
 * tables. Lights are recomputed in the browser by the core as the numbers are typed (the same `monitorDocument`
 * and the same rule-set settings as the server); a non-green line's reason, explanation, likelihood and measures
 * are required and marked. Save sends everything with the revision it was based on: when someone else saved in
 * between, the server's message (who and when) is shown with 重新载入, and what was typed stays on the page.
 * The workflow panel (decision 011) shows the status, the history and the reviewer's 审核通过 / 退回修改; the inputs
 * are read-only unless the report is a draft or returned, its month is not locked and this person may fill it.
 */
import type { MonitoringEntries, MonitoringBudgetLine, MonitoringIndicatorLine, PerformanceDocument } from '@jixiao/core';
import { chinaTime, LIGHT_LABELS } from '@jixiao/core';
import { Alert, App as AntApp, Button, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { ErrorState, NotFound } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { RaiseRectificationButton } from '../../rectification';
import { useEditableResource } from '../../../lib/editable-resource';
import { useCan } from '../../session';
import type { EvaluationWorkflowDto } from '../../workflow';
import { EvaluationWorkflowPanel } from '../../workflow';
import { getMonitoring, getTargetDocument, monitoringKeys, saveMonitoring, STATUS_LABELS, submitMonitoring, TABLE_FORMATS, type MonitoringReportDto } from '../api';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../monitoring.css';
import { DeviationCells, LightCell } from './deviation-cells';
import { completionText, computeLines, saveRequestOf, withBudget, withDeviation, withIndicator, withReport, type MonitoringEditorState } from '../model';
import { OutputJobButton } from '../../../components/output-job-button';
import { WarningsPanel } from './warnings-panel';

/** The server's answer to a save or a submit, as the editor's new state. */
const withReportOf = (next: MonitoringReportDto, state: MonitoringEditorState) => withReport(state, next);

const fmt = (v: number | null, suffix = '') => (v == null ? '—' : `${v.toFixed(2)}${suffix}`);
const TIER_OPTIONS = [
  { value: 'achieved', label: '达成' },
  { value: 'partly', label: '部分达成' },
  { value: 'notAchieved', label: '未达成' },
];

/** The line's light; a red or yellow one may become a 整改 item (the button shows only to who may create one). */
function LightWithRectification({ id, line, waiting }: { id: number; line: MonitoringBudgetLine | MonitoringIndicatorLine; waiting?: string }) {
  return (
    <>
      <LightCell line={line} {...(waiting ? { waiting } : {})} />
      {line.light === 'red' || line.light === 'yellow' ? <RaiseRectificationButton source={{ kind: 'line', evaluationId: id, lineKey: line.key }} label="整改" /> : null}
    </>
  );
}

export function MonitoringPage({ params }: { params: Record<string, string> }) {
  const id = Number(params.id);
  const { message } = AntApp.useApp();
  const editor = useEditableResource<MonitoringEditorState, MonitoringEntries, 'save' | 'submit'>({
    queryKey: monitoringKeys.detail(id),
    load: async (signal) => {
      const report = await getMonitoring(id, signal);
      const document = (await getTargetDocument(report.documentId, report.targetVersion, signal)) as PerformanceDocument;
      return { report, document };
    },
    draftOf: (s) => s.report.entries,
  });
  const [refusal, setRefusal] = useState<string | undefined>();
  const [workflow, setWorkflow] = useState<EvaluationWorkflowDto | undefined>();
  const mayEdit = useCan('monitoring.edit');
  const maySubmit = useCan('monitoring.submit');

  const report = editor.server?.report;
  const document = editor.server?.document;
  const entries = editor.draft;
  const { busy, conflict, dirty } = editor;
  const result = useMemo(() => (report && document && entries ? computeLines(report, document, entries) : undefined), [report, document, entries]);
  const locked = workflow?.evaluationId === id ? workflow.locked : null;
  /** Draft or returned, in an open month: the server would accept a save or a submit (given the role). */
  const open = (report?.status === 'draft' || report?.status === 'returned') && !locked;
  const editable = open && mayEdit;

  const edit = (next: (e: MonitoringEntries) => MonitoringEntries) => {
    editor.edit(next);
    setRefusal(undefined);
  };

  async function save(): Promise<MonitoringReportDto | undefined> {
    try {
      const next = await editor.send('save', (s, e) => saveMonitoring(id, saveRequestOf(s.report, e)), withReportOf);
      if (next) void message.success(`已保存（第 ${next.revision} 版）`, 2);
      return next;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
      return undefined;
    }
  }

  async function submit() {
    const current = dirty ? await save() : report;
    if (!current) return;
    try {
      const next = await editor.send('submit', () => submitMonitoring(id, { baseRevision: current.revision }), withReportOf);
      if (!next) return;
      setRefusal(undefined);
      void message.success('已提交', 2);
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
    }
  }

  function reload() {
    setRefusal(undefined);
    editor.reload();
  }

  if (!Number.isInteger(id) || id <= 0) return <NotFound what="运行监控报告" />;
  if (editor.error && !report) {
    if (editor.error instanceof ApiError && editor.error.status === 404) return <NotFound what="运行监控报告" />;
    return <ErrorState error={editor.error} onRetry={editor.refresh} />;
  }
  if (!report || !result || !entries) return <div className="app-loading">正在载入运行监控…</div>;

  const settings = report.ruleSet.settings;
  const m = report.cutoffMonth;
  const unit = result.amountUnit;
  const deviationColumn = <T extends MonitoringBudgetLine | MonitoringIndicatorLine>(): ColumnsType<T>[number] => ({
    title: '偏差原因 / 完成可能性 / 纠偏措施',
    key: 'deviation',
    width: 260,
    render: (_: unknown, line: T) =>
      line.key === 'total' ? <span className="mo-dev-none">—</span> : <DeviationCells line={line} settings={settings} disabled={!editable} onChange={(patch) => edit((e) => withDeviation(e, line.key, patch))} />,
  });

  const budgetColumns: ColumnsType<MonitoringBudgetLine> = [
    {
      title: '项目',
      dataIndex: 'label',
      render: (label: string, line) => (
        <div>
          <div>{label}</div>
          {line.missing.length > 0 ? <div className="mo-missing">缺：{line.missing.map((x) => x.replace(/（.*）$/, '')).join('、')}</div> : null}
        </div>
      ),
    },
    {
      title: `全年预算数（${unit}）`,
      key: 'budget',
      width: 140,
      render: (_: unknown, line) =>
        line.key === 'total' ? (
          <span className="num">{fmt(line.budget)}</span>
        ) : (
          <InputNumber<number>
            size="small"
            min={0}
            step={0.01}
            precision={2}
            value={entries.budget?.[line.key]?.adjustedBudget ?? line.plannedBudget ?? null}
            onChange={(v) => edit((e) => withBudget(e, line.key, { adjustedBudget: v === null || v === line.plannedBudget ? null : v }))}
            disabled={!editable}
            aria-label={`全年预算数 ${line.label}`}
            style={{ width: '100%' }}
          />
        ),
    },
    {
      title: `1–${m}月执行数（${unit}）`,
      key: 'spent',
      width: 140,
      render: (_: unknown, line) =>
        line.key === 'total' ? (
          <span className="num">{fmt(line.spent)}</span>
        ) : (
          <InputNumber<number>
            size="small"
            min={0}
            step={0.01}
            precision={2}
            value={entries.budget?.[line.key]?.spent ?? null}
            status={line.spent == null ? 'warning' : undefined}
            onChange={(v) => edit((e) => withBudget(e, line.key, { spent: v }))}
            disabled={!editable}
            aria-label={`执行数 ${line.label}`}
            style={{ width: '100%' }}
          />
        ),
    },
    { title: '执行率', key: 'rate', width: 80, className: 'num', render: (_: unknown, l) => fmt(l.executionRate, '%') },
    { title: '序时进度', key: 'time', width: 80, className: 'num', render: (_: unknown, l) => fmt(l.timeProgress, '%') },
    { title: '比值', key: 'ratio', width: 64, className: 'num', render: (_: unknown, l) => (l.ratio == null ? '—' : l.ratio.toFixed(1)) },
    { title: '灯', key: 'light', width: 72, align: 'center', render: (_: unknown, l) => <LightWithRectification id={id} line={l} /> },
    deviationColumn<MonitoringBudgetLine>(),
  ];

  const indicatorColumns: ColumnsType<MonitoringIndicatorLine> = [
    {
      title: '指标',
      key: 'name',
      render: (_: unknown, l) => (
        <div>
          <div>{l.name}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            {l.project ?? '部门整体'} · {[l.level1, l.level2].filter(Boolean).join(' / ')}
          </div>
          {l.missing.length > 0 ? <div className="mo-missing">缺：{l.missing.map((x) => x.replace(/（.*）$/, '')).join('、')}</div> : null}
        </div>
      ),
    },
    { title: '年度指标值', dataIndex: 'target', width: 100, render: (t: string | null) => t ?? <span className="mo-missing">未填</span> },
    {
      title: '截至目前完成值',
      key: 'actual',
      width: 150,
      render: (_: unknown, l) =>
        l.mode === 'qualitative' ? (
          <Select<string>
            size="small"
            placeholder="完成程度"
            value={l.tier ?? undefined}
            options={TIER_OPTIONS}
            onChange={(tier) => edit((e) => withIndicator(e, l.key, { tier: tier as 'achieved' }))}
            disabled={!editable}
            aria-label={`完成程度 ${l.label}`}
            style={{ width: '100%' }}
          />
        ) : (
          <InputNumber<number>
            size="small"
            value={l.actual}
            placeholder={l.yearEnd ? '年终测评' : undefined}
            onChange={(v) => edit((e) => withIndicator(e, l.key, { actual: v }))}
            disabled={!editable}
            aria-label={`完成值 ${l.label}`}
            addonAfter={l.targetUnit ?? undefined}
            style={{ width: '100%' }}
          />
        ),
    },
    {
      title: '按月折算',
      key: 'prorate',
      width: 76,
      align: 'center',
      render: (_: unknown, l) =>
        l.mode === 'prorated' || l.mode === 'whole' ? (
          <Switch size="small" checked={l.prorate} onChange={(on) => edit((e) => withIndicator(e, l.key, { prorate: on === l.prorateDefault ? null : on }))} disabled={!editable} aria-label={`按月折算 ${l.label}`} />
        ) : (
          <span className="muted">—</span>
        ),
    },
    { title: '序时目标', key: 'expected', width: 90, className: 'num', render: (_: unknown, l) => (l.mode === 'qualitative' ? '—' : l.expected == null ? '—' : `${l.expected}${l.targetUnit ?? ''}`) },
    { title: '灯', key: 'light', width: 72, align: 'center', render: (_: unknown, l) => <LightWithRectification id={id} line={l} waiting={l.yearEnd ? '年终测评' : '待填'} /> },
    deviationColumn<MonitoringIndicatorLine>(),
  ];

  const c = result.counts;
  return (
    <>
      <PageHead
        title={`运行监控：${report.document.title}`}
        crumbs={[{ label: '运行监控', to: '/monitoring' }, { label: `${report.document.title} · 截至 ${m} 月` }]}
        sub={
          <span>
            {report.year}年 1–{m}月 · 序时进度 {result.timeProgress.toFixed(2)}% · 目标表第 {report.targetVersion} 版 · 规则：{report.ruleSet.title} · {STATUS_LABELS[report.status]} · 第 {report.revision} 版，{report.updatedBy} 保存于 {chinaTime(report.updatedAt)}
          </span>
        }
        extra={
          <Space wrap>
            {TABLE_FORMATS.map((f) => (
              <OutputJobButton key={f.id} request={{ format: f.id, id }}>
                下载监控表（{f.extension}）
              </OutputJobButton>
            ))}
          </Space>
        }
      />
      <EvaluationWorkflowPanel evaluationId={id} revision={report.revision} onChanged={reload} onState={setWorkflow} hideActions={['submit']} />
      <WarningsPanel key={report.revision} evaluationId={id} revision={report.revision} />
      {!editable ? (
        <Alert
          type="info"
          showIcon
          className="mo-section"
          data-testid="read-only"
          title={
            locked
              ? `${locked.period} 已锁定，只能查看`
              : !open
                ? `${STATUS_LABELS[report.status]}，只能查看${report.status === 'submitted' ? '（等待审核；需修改时由审核人退回）' : ''}`
                : '您的角色只能查看运行监控，不能填报'
          }
        />
      ) : null}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="mo-section"
          title={conflict}
          description="你输入的内容仍保留在下表中。重新载入会用最新保存的内容替换你尚未保存的输入，可先把需要的内容记下。"
          action={
            <Button size="small" onClick={reload}>
              重新载入
            </Button>
          }
        />
      ) : null}
      {refusal ? <Alert type="error" showIcon role="alert" className="mo-section" title="未能提交" description={refusal} closable onClose={() => setRefusal(undefined)} /> : null}
      <div className="mo-summary" aria-label="灯色统计">
        {(['red', 'yellow', 'green', 'blue'] as const).map((l) => (
          <span key={l} className="mo-count">
            <Tag color={l === 'yellow' ? 'gold' : l}>{LIGHT_LABELS[l]}</Tag>
            <strong data-testid={`count-${l}`}>{c[l]}</strong>
          </span>
        ))}
        <span className="mo-count muted">
          待填 / 年终测评 <strong>{c.none}</strong>
        </span>
        <span className="grow" />
        <span className={result.incomplete.length ? 'mo-missing' : 'muted'}>{completionText(result)}</span>
        {dirty ? <strong style={{ color: '#ad6800' }}>有未保存的修改</strong> : null}
        {/* No antd `loading` here: its spinner's leave animation can stick on a button that is disabled at the same moment. */}
        {busy ? <span className="muted">{busy === 'save' ? '正在保存…' : '正在提交…'}</span> : null}
        <Button onClick={() => void save()} disabled={!editable || !dirty || busy !== null} type={dirty ? 'primary' : 'default'}>
          保存
        </Button>
        <Button onClick={() => void submit()} disabled={!open || !maySubmit || busy !== null}>
          提交
        </Button>
      </div>
      <div className="mo-section">
        <h2 style={{ fontSize: 16 }}>一、预算执行情况</h2>
        <Table<MonitoringBudgetLine>
          className="mo-table"
          rowKey="key"
          size="small"
          columns={budgetColumns}
          dataSource={[...result.budgetLines, result.total]}
          rowClassName={(l) => (l.key === 'total' ? 'mo-total' : '')}
          pagination={false}
          aria-label="预算执行"
        />
      </div>
      <div className="mo-section">
        <h2 style={{ fontSize: 16 }}>二、绩效目标完成情况</h2>
        <Table<MonitoringIndicatorLine> className="mo-table" rowKey="key" size="small" columns={indicatorColumns} dataSource={result.indicatorLines} pagination={false} aria-label="绩效指标" />
      </div>
    </>
  );
}
