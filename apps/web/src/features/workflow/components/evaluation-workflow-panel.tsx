/**
 * The workflow of a monitoring report or a self-evaluation (decision 011), for their pages: the status, a period
 * lock (who locked it, when), the actions the signed-in person may take (退回 asks for a reason), publication of a
 * done self-evaluation's result, and the history. `onChanged` lets the page reload its entries (the revision moved);
 * `onState` tells the page the state it shows (e.g. to make its inputs read-only in a locked period); `hideActions`
 * leaves an action to the page (the entry pages submit with their own 提交, which checks completeness first).
 */
import { chinaTime } from '@jixiao/core';
import type { EvaluationAction } from '@jixiao/core';
import { Button, Collapse, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../../lib/query';
import { EVALUATION_CONFIRMATIONS, getEvaluationWorkflow, PUBLISH_CONFIRMATION, publishEvaluation, transitionEvaluation, withdrawEvaluationPublication, type EvaluationWorkflowDto, workflowKeys } from '../api';
import { HistoryTimeline } from './history-timeline';
import { ReasonDialog } from './reason-dialog';
import { WithdrawPublicationDialog } from './withdraw-publication-dialog';
import { useWorkflowActions } from './use-workflow-actions';
import { WorkflowStatus } from './workflow-status';
// oxlint-disable-next-line import/no-unassigned-import -- a stylesheet is imported for its effect
import '../workflow.css';

const COLORS: Record<EvaluationWorkflowDto['status'], string> = { draft: 'default', submitted: 'processing', 'in-review': 'processing', returned: 'warning', done: 'success' };

export function EvaluationWorkflowPanel({
  evaluationId,
  revision,
  onChanged,
  onState,
  hideActions = [],
}: {
  evaluationId: number;
  /** Reload when the report's revision changes. */
  revision: number;
  onChanged?: () => void;
  onState?: (workflow: EvaluationWorkflowDto) => void;
  hideActions?: readonly EvaluationAction[];
}) {
  const loaded = useApiQuery(workflowKeys.evaluation(evaluationId, revision), (signal) => getEvaluationWorkflow(evaluationId, signal));
  const { asking, setAsking, busy, run, confirmThen } = useWorkflowActions<EvaluationAction>(loaded.reload, onChanged);
  const [withdrawing, setWithdrawing] = useState(false);
  const wf = loaded.data;
  useEffect(() => {
    if (wf) onState?.(wf);
  }, [wf, onState]);
  if (!wf) return loaded.error ? <div className="wf-panel muted">流程状态暂时无法读取：{loaded.error.message}</div> : null;

  const label = (action: EvaluationAction) => wf.actions.find((a) => a.action === action)?.label ?? '';
  const confirmed = (action: EvaluationAction, text: string) => {
    const consequence = EVALUATION_CONFIRMATIONS[action];
    const go = () => run(`已办理：${text}`, () => transitionEvaluation(evaluationId, action, {}));
    return consequence ? confirmThen(text, consequence, go) : void go();
  };

  return (
    <section className="wf-panel" aria-label="流程">
      <div className="wf-row">
        <WorkflowStatus color={COLORS[wf.status]} label={wf.statusLabel} testId="evaluation-workflow-status" />
        {wf.locked ? (
          <Tag color="red">
            {wf.locked.period} 已锁定（{wf.locked.by} {chinaTime(wf.locked.at)}）
          </Tag>
        ) : null}
        {wf.publishedAt ? <span className="muted">已公开（{wf.publishedBy} {chinaTime(wf.publishedAt)}）</span> : null}
        <span className="grow" />
        {wf.actions
          .filter((a) => !hideActions.includes(a.action))
          .map((a) => (
            <Button key={a.action} type={a.action === 'return' || a.action === 'send-back' ? 'default' : 'primary'} disabled={busy} onClick={() => (a.reasonRequired ? setAsking(a.action) : confirmed(a.action, a.label))}>
              {a.label}
            </Button>
          ))}
        {wf.canPublish ? (
          <Button disabled={busy} onClick={() => confirmThen('公开自评结果', PUBLISH_CONFIRMATION, () => run('已公开', () => publishEvaluation(evaluationId)))}>
            公开自评结果
          </Button>
        ) : null}
        {wf.canWithdrawPublication ? (
          <Button danger disabled={busy} onClick={() => setWithdrawing(true)}>
            撤回公开
          </Button>
        ) : null}
      </div>
      <Collapse ghost size="small" items={[{ key: 'history', label: `流转记录（${wf.history.length}）`, children: <HistoryTimeline history={wf.history} /> }]} />
      <ReasonDialog
        key={asking ?? 'none'}
        open={asking !== undefined}
        title={`${asking ? label(asking) : ''}：理由`}
        placeholder="写明需要修改的地方。"
        okText={asking ? label(asking) : '确定'}
        busy={busy}
        onCancel={() => setAsking(undefined)}
        onSubmit={(reason) => asking && void run(`已办理：${label(asking)}`, () => transitionEvaluation(evaluationId, asking, { reason }))}
      />
      <WithdrawPublicationDialog
        open={withdrawing}
        busy={busy}
        example="写明撤回的理由，例如：自评得分有误，更正后重新公开。撤回后信息公开页不再显示，自评仍为审核完成。"
        onCancel={() => setWithdrawing(false)}
        onSubmit={(reason) => void run('已撤回公开', () => withdrawEvaluationPublication(evaluationId, reason)).then(() => setWithdrawing(false))}
      />
    </section>
  );
}
