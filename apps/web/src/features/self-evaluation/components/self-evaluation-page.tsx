/**
 * 自评 editor: the approved targets read-only, actuals and budget figures typed in place with every score, the
 * total and the grade recomputed in the browser by the core as the user types; save on the revision (a stale save
 * says who changed it, with 重新载入); the pre-filled workbook down and up (errors listed by sheet, row and column);
 * the 自评报告 sections; downloads of the 自评表 and 自评报告; the kept scores with their rule set id@version. The
 * workflow panel (decision 011) shows the status, the history and the reviewer's 审核通过 / 退回修改; 提交 checks
 * completeness on the server (the list of what is missing is shown); the inputs are read-only unless the
 * self-evaluation is a draft or returned, its year is not locked and this person may fill it.
 */
import { chinaTime, scopeOf, type BudgetEntry, type IndicatorEntry, type QualitativeTier, type SelfEvaluationEntries } from '@jixiao/core';
import { Alert, App, Button, Card, Empty, Select, Space, Spin, Table, Tabs, Tag, Upload } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { ApiError } from '../../../lib/http';
import { useEditableResource } from '../../../lib/editable-resource';
import { useCan } from '../../session';
import type { EvaluationWorkflowDto } from '../../workflow';
import { EvaluationWorkflowPanel } from '../../workflow';
import {
  getSelfEvaluation,
  GRADE_COLORS,
  keepScore,
  saveEntries,
  saveReport,
  selfEvaluationKeys,
  submitSelfEvaluation,
  TIER_LABELS,
  uploadWorkbook,
  workbookErrorsOf,
  type SelfEvaluationDto,
  type WorkbookErrorDto,
} from '../api';
import { ActualsTable } from './actuals-table';
import { BudgetTable } from './budget-table';
import { useLiveScore } from './live-score';
import { ReportEditor } from './report-editor';
import { entriesOf, projectOptions, summaryOf, visibleLines, withBudgetEntry, withGoalTier, withIndicatorEntry } from '../model';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../../../components/score-bar.css';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../self-evaluation.css';
import { OutputJobButton } from '../../../components/output-job-button';

const where = (e: WorkbookErrorDto) => `「${e.sheet}」工作表${e.row != null ? `第 ${e.row} 行` : ''}${e.column ? ` ${e.column} 列` : ''}`;

export function SelfEvaluationPage({ params }: { params: Record<string, string> }) {
  const id = Number(params['id']);
  const { message } = App.useApp();
  const editor = useEditableResource<SelfEvaluationDto, SelfEvaluationEntries, 'save' | 'upload' | 'score' | 'report' | 'submit'>({
    queryKey: selfEvaluationKeys.detail(id),
    load: (signal) => getSelfEvaluation(id, signal),
    draftOf: entriesOf,
  });
  const [refusal, setRefusal] = useState<string>();
  const [workflow, setWorkflow] = useState<EvaluationWorkflowDto>();
  const mayEdit = useCan('self-evaluation.edit');
  const maySubmit = useCan('self-evaluation.submit');
  const [uploadErrors, setUploadErrors] = useState<{ message: string; errors: WorkbookErrorDto[] }>();
  const [project, setProject] = useState<string>();

  const { server: dto, draft: entries, dirty, conflict, busy } = editor;
  const live = useLiveScore(dto, entries);
  const scope = live ? scopeOf(live.target) : 'project';
  const projectKeys = live ? projectOptions(live.score) : [];
  const currentProject = project ?? projectKeys[0]?.value;

  if (editor.error && !dto) return <ErrorState error={editor.error} onRetry={editor.refresh} />;
  if (!dto || !entries || !live) return <Spin style={{ display: 'block', margin: 48 }} />;

  const locked = workflow?.evaluationId === id ? workflow.locked : null;
  /** Draft or returned, in an open year: the server would accept a save or a submit (given the role). */
  const open = (dto.status === 'draft' || dto.status === 'returned') && !locked;
  const editable = open && mayEdit;

  const setIndicator = (key: string, patch: IndicatorEntry) => editor.edit((e) => withIndicatorEntry(e, key, patch));
  const setBudget = (key: string, patch: BudgetEntry) => editor.edit((e) => withBudgetEntry(e, key, patch));
  const setGoalTier = (tier: QualitativeTier | null) => editor.edit((e) => withGoalTier(e, tier));

  /** Sends a change; a stale revision becomes the conflict warning, a refused workbook its list of errors. */
  async function run<T>(what: NonNullable<typeof busy>, action: (current: SelfEvaluationDto, typed: SelfEvaluationEntries) => Promise<T>, answer: (r: T) => SelfEvaluationDto | undefined, done: (r: T) => void) {
    try {
      const reply = await editor.send(what, action, answer);
      if (reply !== undefined) done(reply);
    } catch (e) {
      if (e instanceof ApiError && workbookErrorsOf(e.details).length) setUploadErrors({ message: e.message, errors: workbookErrorsOf(e.details) });
      else message.error(e instanceof Error ? e.message : String(e));
    }
  }

  const save = () =>
    run('save', (current, typed) => saveEntries(id, current.revision, typed), (next) => next, (next) => {
      message.success(`已保存（第 ${next.revision} 版）`);
    });
  const upload = (file: File) => {
    setUploadErrors(undefined);
    void run('upload', (current) => uploadWorkbook(id, file, current.revision), (r) => r.evaluation, (r) => {
      message.success(`填报表已导入（${r.rows} 行），得分已重新计算`);
    });
  };
  const submit = async () => {
    setRefusal(undefined);
    try {
      const next = await editor.send('submit', (current) => submitSelfEvaluation(id, current.revision), (r) => r);
      if (next) message.success('已提交');
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
    }
  };
  const keep = () =>
    run('score', () => keepScore(id), () => undefined, (kept) => {
      message.success(`已保存评分：${kept.total ?? '（各项目分别评分）'} · 按「${kept.ruleSet === dto.ruleSet.ref ? dto.ruleSet.title : kept.ruleSet}」`);
      // The kept score is listed with the self-evaluation: load it again.
      editor.refresh();
    });

  const score = live.score;
  const summary = summaryOf(score, currentProject);
  const { slots, budgets } = visibleLines(live, currentProject);

  return (
    <>
      <PageHead
        title={`${dto.period} 年度绩效自评`}
        sub={`${dto.title} · 目标文档第 ${dto.targetVersion} 版（绩效目标只读） · 评分规则：${dto.ruleSet.title} · 第 ${dto.revision} 版，${dto.updatedBy} 保存于 ${chinaTime(dto.updatedAt)}`}
        crumbs={[{ label: '绩效自评', to: '/self-evaluation' }, { label: dto.title }]}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => void save()} loading={busy === 'save'} disabled={!dirty || !editable}>
              {dirty ? '保存' : '已保存'}
            </Button>
            {/* No antd `loading` here: its spinner can stick on a button that is disabled at the same moment (after a submit). */}
            <Button onClick={() => void submit()} disabled={dirty || !open || !maySubmit || busy !== null} title={dirty ? '请先保存页面上的修改' : undefined}>
              {busy === 'submit' ? '正在提交…' : '提交'}
            </Button>
            <OutputJobButton request={{ format: 'actuals-workbook', id }}>下载填报表</OutputJobButton>
            <Upload accept=".xlsx" showUploadList={false} disabled={dirty || !editable || busy === 'upload'} customRequest={({ file }) => file instanceof File && upload(file)}>
              <Button loading={busy === 'upload'} disabled={dirty || !editable} title={dirty ? '请先保存页面上的修改' : undefined}>
                上传填报表
              </Button>
            </Upload>
            <OutputJobButton request={{ format: scope === 'project' ? 'project-self-evaluation-table' : 'department-self-evaluation-table', id }}>下载自评表</OutputJobButton>
            <OutputJobButton request={{ format: 'self-evaluation-report', id }}>下载自评报告</OutputJobButton>
          </Space>
        }
      />
      <EvaluationWorkflowPanel evaluationId={id} revision={dto.revision} onChanged={editor.reload} onState={setWorkflow} hideActions={['submit']} />
      {!editable ? (
        <Alert
          type="info"
          showIcon
          data-testid="read-only"
          title={
            locked
              ? `${locked.period} 年度已锁定，只能查看`
              : !open
                ? `${workflow?.statusLabel ?? dto.status}，只能查看${dto.status === 'submitted' ? '（等待单位负责人审核；需修改时由其退回）' : dto.status === 'in-review' ? '（等待财政审核；需修改时由审核人退回）' : ''}`
                : '您的角色只能查看绩效自评，不能填报'
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {refusal ? <Alert type="error" showIcon role="alert" closable onClose={() => setRefusal(undefined)} title="未能提交" description={refusal} style={{ marginBottom: 12 }} /> : null}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={conflict}
          action={
            <Button size="small" onClick={editor.reload}>
              重新载入
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {uploadErrors ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setUploadErrors(undefined)}
          title={`填报表未导入，共 ${uploadErrors.errors.length} 处错误（整份文件未做任何修改），请改正后重新上传：`}
          description={
            <ul className="se-errors" aria-label="填报表错误">
              {uploadErrors.errors.map((e, i) => (
                <li key={i}>
                  <b>{where(e)}</b>：{e.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <div className="rv-score se-score-bar" aria-label="得分">
        <div>
          <div className="rv-score-label">预算执行率</div>
          <div className="rv-score-value">{summary?.rate == null ? '—' : `${summary.rate.toFixed(2)}%`}</div>
        </div>
        <div>
          <div className="rv-score-label">{scope === 'project' ? '预算执行得分' : '部门支出进度得分'}</div>
          <div className="rv-score-value">{summary?.execution ?? '—'}</div>
        </div>
        <div>
          <div className="rv-score-label">总分</div>
          <div className="rv-score-value" data-testid="total">
            {summary?.total ?? '—'}
            <small>/ 100</small>
          </div>
        </div>
        <div>
          <div className="rv-score-label">自评等级</div>
          <div className="rv-grade" data-testid="grade" style={{ color: GRADE_COLORS[summary?.grade ?? ''] ?? '#8c8c8c' }}>
            {summary?.grade ?? '待评定'}
          </div>
        </div>
        <div>
          <div className="rv-score-label">评分依据</div>
          <div className="rv-grade-note">{summary?.notes.length ? summary.notes.join('；') : `按「${score.ruleTitle}」计算，随填随算`}</div>
        </div>
      </div>
      <Tabs
        items={[
          {
            key: 'actuals',
            label: '实际完成值',
            children: (
              <Card size="small">
                {score.scope === 'project' ? (
                  <div className="toolbar">
                    <span>项目</span>
                    <Select showSearch optionFilterProp="label" aria-label="选择项目" value={currentProject} onChange={setProject} options={projectKeys} style={{ minWidth: 360 }} />
                    <span className="muted">共 {projectKeys.length} 个项目</span>
                  </div>
                ) : (
                  <div className="toolbar">
                    <span>年度目标完成情况（R8 定性评定）</span>
                    <Select<QualitativeTier>
                      allowClear
                      aria-label="年度目标档次"
                      placeholder="评定档次"
                      value={entries.goal?.tier ?? undefined}
                      onChange={(v) => setGoalTier(v ?? null)}
                      disabled={!editable}
                      options={(Object.keys(TIER_LABELS) as QualitativeTier[]).map((t) => ({ value: t, label: TIER_LABELS[t] }))}
                      style={{ width: 140 }}
                    />
                    <span className="muted">得分 {score.department.annualGoal.score ?? '—'} / {score.department.annualGoal.weight}</span>
                  </div>
                )}
                {slots.length ? <ActualsTable slots={slots} lines={live.lines} entries={entries.indicators} onChange={setIndicator} readOnly={!editable} /> : <Empty description="没有绩效指标" />}
                <h4 style={{ margin: '16px 0 8px' }}>预算执行</h4>
                <BudgetTable slots={budgets} entries={entries.budgets} unit={live.target.amountUnit} onChange={setBudget} readOnly={!editable} />
              </Card>
            ),
          },
          {
            key: 'report',
            label: '自评报告',
            children: (
              <Card size="small">
                {dirty ? <Alert type="info" showIcon title="报告草稿按已保存的数据起草：请先保存填报内容，再编辑报告。" style={{ marginBottom: 10 }} /> : null}
                <ReportEditor
                  key={dto.revision}
                  report={dto.report}
                  saving={busy === 'report'}
                  readOnly={!editable}
                  onSave={(sections) => void run('report', (current) => saveReport(id, current.revision, { sections }), (next) => next, () => {
                    message.success('自评报告已保存');
                  })}
                />
              </Card>
            ),
          },
          {
            key: 'scores',
            label: `已保存的评分（${dto.scores.length}）`,
            children: (
              <Card size="small">
                <div className="toolbar">
                  <Button onClick={() => void keep()} loading={busy === 'score'} disabled={dirty || !mayEdit}>
                    评分并保存
                  </Button>
                  <span className="muted">每次评分记录所用的评分规则及其版本和自评版本；规则更新后，旧评分仍可按原版本复现。</span>
                </div>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={dto.scores}
                  columns={[
                    { title: '时间', dataIndex: 'scoredAt', render: (t: string) => chinaTime(t) },
                    { title: '评分规则', dataIndex: 'ruleSet', render: (r: string) => (r === dto.ruleSet.ref ? dto.ruleSet.title : <Tag>{r}</Tag>) },
                    { title: '自评版本', dataIndex: 'evaluationRevision' },
                    { title: '总分', dataIndex: 'total', render: (t: number | null) => t ?? '各项目分别评分' },
                    { title: '等级', dataIndex: 'grade', render: (g: string | null) => g ?? '—' },
                    { title: '评分人', dataIndex: 'scoredBy' },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}
