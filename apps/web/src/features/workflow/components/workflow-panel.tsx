/**
 * The workflow of one target document on its pages (decision 011): the status tag with round and versions, the
 * actions the signed-in person may take now (those needing a reason open a dialog), publication, the approved version's
 * official files (绩效目标表, 批复通知), and the history.
 * The server decides; the buttons only show what it would allow, and its refusal message is shown as is.
 */
import { chinaTime, type TargetAction } from '@jixiao/core';
import { Button, Collapse } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/query';
import { getTargetWorkflow, PUBLISH_CONFIRMATION, publishTargets, REASON_PROMPTS, STATUS_COLORS, TARGET_CONFIRMATIONS, transitionTarget, withdrawTargetsPublication, workflowKeys } from '../api';
import { AdjustmentChanges } from './adjustment-changes';
import { ApprovedFiles } from './approved-files';
import { HistoryTimeline } from './history-timeline';
import { ReasonDialog } from './reason-dialog';
import { WithdrawPublicationDialog } from './withdraw-publication-dialog';
import { RolloverDialog } from './rollover-dialog';
import { useWorkflowActions } from './use-workflow-actions';
import { WorkflowStatus } from './workflow-status';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../workflow.css';

export function WorkflowPanel({
  documentId,
  year = null,
  version,
  conclusion,
  openErrors = 0,
  onChanged,
}: {
  documentId: number;
  /** The document's budget year: 结转 proposes the next one. */
  year?: number | null;
  /** The panel reloads when the document's version or the review's conclusion changes (they decide the actions). */
  version: number;
  conclusion: string | null;
  /** Errors of the review nobody has accepted or dismissed: 批复 says how many before it goes ahead. */
  openErrors?: number;
  onChanged?: () => void;
}) {
  const loaded = useApiQuery(workflowKeys.target(documentId, { version, conclusion }), (signal) => getTargetWorkflow(documentId, signal));
  const { asking, setAsking, busy, run, confirmThen } = useWorkflowActions<TargetAction>(loaded.reload, onChanged);
  const [withdrawing, setWithdrawing] = useState(false);
  const [rollingOver, setRollingOver] = useState(false);
  const wf = loaded.data;
  if (!wf) return loaded.error ? <div className="wf-panel muted">流程状态暂时无法读取：{loaded.error.message}</div> : null;

  const act = (action: TargetAction, label: string, reason?: string) =>
    run(`已办理：${label}`, () => transitionTarget(documentId, action, { baseRevision: wf.revision, ...(reason ? { reason } : {}) }));
  const confirmed = (action: TargetAction, label: string) => {
    const consequence = TARGET_CONFIRMATIONS[action];
    if (!consequence) return void act(action, label);
    const unsettled = action === 'approve' && openErrors > 0 ? `审核还有 ${openErrors} 个错误未处理（既未采纳也未驳回）。` : '';
    confirmThen(label.replace(/\s/g, ''), `${unsettled}${consequence}`, () => act(action, label));
  };
  const prompt = asking ? REASON_PROMPTS[asking] : undefined;
  const askingLabel = wf.actions.find((a) => a.action === asking)?.label ?? '';

  return (
    <section className="wf-panel" aria-label="流程">
      <div className="wf-row">
        <WorkflowStatus color={STATUS_COLORS[wf.status]} label={wf.statusLabel} testId="workflow-status" />
        <span className="muted">
          第 {wf.round} 轮 · 当前第 {wf.currentVersion} 版{wf.approvedVersion !== null ? ` · 批复版本：第 ${wf.approvedVersion} 版` : ''}
          {wf.publishedVersion !== null ? ` · 已公开第 ${wf.publishedVersion} 版（${wf.publishedBy ?? ''} ${chinaTime(wf.publishedAt)}）` : ''}
        </span>
        <span className="grow" />
        {wf.actions.map((a) => (
          <Button
            key={a.action}
            type={a.action === 'return' || a.action === 'reject' || a.action === 'send-back' ? 'default' : 'primary'}
            danger={a.action === 'reject'}
            loading={busy && asking === undefined}
            disabled={busy}
            onClick={() => (a.reasonRequired ? setAsking(a.action) : confirmed(a.action, a.label))}
          >
            {a.label}
          </Button>
        ))}
        {wf.canPublish ? (
          <Button disabled={busy} onClick={() => confirmThen(`公开批复版本（第 ${wf.approvedVersion ?? ''} 版）`, PUBLISH_CONFIRMATION, () => run('已公开', () => publishTargets(documentId)))}>
            公开批复版本
          </Button>
        ) : null}
        {wf.canRollOver ? (
          <Button disabled={busy} onClick={() => setRollingOver(true)}>
            结转到下一年度
          </Button>
        ) : null}
        {wf.canWithdrawPublication ? (
          <Button danger disabled={busy} onClick={() => setWithdrawing(true)}>
            撤回公开
          </Button>
        ) : null}
      </div>
      {wf.approvedVersion !== null ? <ApprovedFiles documentId={documentId} approvedVersion={wf.approvedVersion} /> : null}
      {wf.adjustment ? <AdjustmentChanges documentId={documentId} version={wf.currentVersion} /> : null}
      {wf.conclusion && wf.status === 'in-review' ? (
        <div className="muted wf-note">评审结论「{wf.conclusion}」：优、良批复；中退回修改；差不予安排。如需改变结论，请先调整评审结论并写明理由。</div>
      ) : null}
      {!wf.editable && wf.editRefusal ? <div className="muted wf-note">{wf.editRefusal}</div> : null}
      <Collapse
        ghost
        size="small"
        items={[{ key: 'history', label: `流转记录（${wf.history.length}）`, children: <HistoryTimeline history={wf.history} /> }]}
        defaultActiveKey={wf.history.length > 0 ? ['history'] : []}
      />
      <ReasonDialog
        key={asking ?? 'none'}
        open={asking !== undefined}
        title={prompt?.title ?? askingLabel}
        placeholder={prompt?.placeholder ?? ''}
        okText={askingLabel}
        busy={busy}
        onCancel={() => setAsking(undefined)}
        onSubmit={(reason) => asking && void act(asking, askingLabel, reason)}
      />
      <WithdrawPublicationDialog
        open={withdrawing}
        busy={busy}
        example="写明撤回的理由，例如：公开的金额有误，更正后重新公开。撤回后信息公开页不再显示，绩效目标仍为已批复。"
        onCancel={() => setWithdrawing(false)}
        onSubmit={(reason) => void run('已撤回公开', () => withdrawTargetsPublication(documentId, reason)).then(() => setWithdrawing(false))}
      />
      <RolloverDialog documentId={documentId} year={year} open={rollingOver} onClose={() => setRollingOver(false)} />
    </section>
  );
}
