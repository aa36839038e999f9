/**
 * 预警 (issue 14 item 8, decision 038): the warnings a submitted report raised — which line, which rule, why, the last
 * day to answer (Beijing, working days) and where each stands. The unit that fills the report in answers each one
 * (继续执行 / 调剂 / 取消 with a reason; a later answer replaces the earlier one, both kept); everyone else sees the
 * answers and what is overdue. Nothing is shown while the report has no warnings.
 */
import { chinaTime } from '@jixiao/core';
import { App as AntApp, Button, Card, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../../lib/query';
import { getMonitoringWarnings, monitoringKeys, respondToWarning, type MonitoringWarningsDto } from '../api';

type Warning = MonitoringWarningsDto['warnings'][number];

const STATUS: Record<Warning['status'], { label: string; color: string }> = {
  waiting: { label: '待反馈', color: 'gold' },
  overdue: { label: '逾期未反馈', color: 'red' },
  answered: { label: '已反馈', color: 'green' },
};

function ResponseForm({ evaluationId, warning, responses, onSent }: { evaluationId: number; warning: Warning; responses: string[]; onSent: (next: MonitoringWarningsDto) => void }) {
  const { message } = AntApp.useApp();
  const [response, setResponse] = useState<string | undefined>(warning.latest?.response);
  const [explanation, setExplanation] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = response !== undefined && explanation.trim() !== '' && !busy;

  async function send() {
    setBusy(true);
    try {
      onSent(await respondToWarning(evaluationId, { warningId: warning.id, response: response!, explanation: explanation.trim() }));
      setExplanation('');
      void message.success('已反馈', 2);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mo-warning-form">
      <Select aria-label={`处理意见 ${warning.label}（${warning.ruleLabel}）`} placeholder="处理意见" style={{ minWidth: 120 }} value={response} onChange={setResponse} options={responses.map((r) => ({ value: r, label: r }))} />
      <Input.TextArea aria-label={`理由 ${warning.label}（${warning.ruleLabel}）`} placeholder="理由：例如资金何时支付、调剂到哪里或为什么取消" autoSize={{ minRows: 1, maxRows: 4 }} value={explanation} onChange={(e) => setExplanation(e.target.value)} maxLength={2000} />
      <Button type="primary" disabled={!ready} onClick={() => void send()}>
        {warning.latest ? '重新反馈' : '提交反馈'}
      </Button>
    </div>
  );
}

/** Keyed by the report's revision in the page: a submit (a new revision) reloads the warnings and forgets the last answer. */
export function WarningsPanel({ evaluationId, revision }: { evaluationId: number; revision: number }) {
  const loaded = useApiQuery(monitoringKeys.warnings(evaluationId, revision), (signal) => getMonitoringWarnings(evaluationId, signal));
  const [latest, setLatest] = useState<MonitoringWarningsDto | undefined>();
  // The answer's reply is the newest state of the warnings; until one is sent, the loaded one.
  const data = latest ?? loaded.data;
  if (!data || data.warnings.length === 0) return null;
  const waiting = data.warnings.filter((w) => w.status !== 'answered').length;
  const overdue = data.warnings.filter((w) => w.status === 'overdue').length;
  return (
    <Card
      className="mo-section mo-warnings"
      size="small"
      title={`预警（${data.warnings.length} 条${waiting ? `，待反馈 ${waiting} 条` : '，均已反馈'}${overdue ? `，逾期 ${overdue} 条` : ''}）`}
      data-testid="monitoring-warnings"
    >
      <p className="muted" style={{ marginTop: 0 }}>
        提交时按监控规则触发；单位须在{data.responseWorkingDays ? ` ${data.responseWorkingDays} 个工作日` : '期限'}内逐条反馈（{data.responses.join(' / ')}）并说明理由，逾期未反馈的列入财政审核人员的待办。工作日按周一至周五计，未计法定节假日。
      </p>
      <ul className="mo-warning-list">
        {data.warnings.map((w) => (
          <li key={w.id} className="mo-warning" data-testid={`warning-${w.id}`}>
            <div className="mo-warning-head">
              <strong>{w.label}</strong>
              <Tag>{w.ruleLabel}</Tag>
              <Tag color={STATUS[w.status].color}>{STATUS[w.status].label}</Tag>
              <span className="muted">反馈期限：{w.due}</span>
            </div>
            <div>{w.reason}</div>
            {w.latest ? (
              <div className="mo-warning-answer">
                单位反馈：<strong>{w.latest.response}</strong>——{w.latest.explanation}
                <span className="muted">
                  （{w.latest.by}，{chinaTime(w.latest.at)}
                  {w.history.length > 1 ? `；共反馈 ${w.history.length} 次，以最后一次为准` : ''}）
                </span>
              </div>
            ) : null}
            {data.canRespond ? <ResponseForm evaluationId={evaluationId} warning={w} responses={data.responses} onSent={setLatest} /> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
