/**
 * The finance reviewer's word on one suggestion: 确认 (as suggested) or 调整 (another suggestion of the rule set),
 * always with a reason; every decision is kept, the latest counts. OK stays disabled until a reason is written.
 */
import { chinaTime } from '@jixiao/core';
import { Alert, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { ResultsUseRowDto, ResultsUseTableDto } from '../api';

export interface DecisionChoice {
  kind: 'confirm' | 'adjust';
  suggestion?: string;
  reason: string;
}

export function DecisionDialog({
  row,
  suggestions,
  busy,
  onCancel,
  onSubmit,
}: {
  row: ResultsUseRowDto;
  suggestions: ResultsUseTableDto['suggestions'];
  busy: boolean;
  onCancel: () => void;
  onSubmit: (choice: DecisionChoice) => void;
}) {
  const computed = row.suggestion.suggestion;
  const [kind, setKind] = useState<'confirm' | 'adjust'>(computed ? 'confirm' : 'adjust');
  const [chosen, setChosen] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const ready = reason.trim() !== '' && (kind === 'confirm' || (chosen !== undefined && chosen !== computed));
  return (
    <Modal
      open
      title={`下年度预算建议：${row.project}`}
      okText={kind === 'confirm' ? '确认建议' : '保存调整'}
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: !ready }}
      onCancel={onCancel}
      onOk={() => onSubmit(kind === 'confirm' ? { kind, reason: reason.trim() } : { kind, suggestion: chosen!, reason: reason.trim() })}
      destroyOnHidden
    >
      <Alert
        type={computed ? 'info' : 'warning'}
        showIcon
        title={computed ? `系统建议：${row.suggestion.label}` : '系统暂无建议'}
        description={
          <ul className="ru-reasons">
            {row.suggestion.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
            <li className="muted">依据：{row.suggestion.ruleTitle}</li>
          </ul>
        }
      />
      <Radio.Group style={{ margin: '12px 0' }} value={kind} onChange={(e) => setKind(e.target.value as 'confirm' | 'adjust')} aria-label="确认或调整">
        <Radio value="confirm" disabled={!computed}>
          确认建议
        </Radio>
        <Radio value="adjust">调整为其他建议</Radio>
      </Radio.Group>
      {kind === 'adjust' ? (
        <Select
          aria-label="调整后的建议"
          placeholder="选择调整后的建议"
          style={{ width: '100%', marginBottom: 12 }}
          value={chosen}
          onChange={setChosen}
          options={suggestions.filter((s) => s.id !== computed).map((s) => ({ value: s.id, label: `${s.label}（${s.advice}）` }))}
        />
      ) : null}
      {row.history.length ? (
        <div className="ru-history" aria-label="此前的决定">
          <div className="muted ru-small">此前的决定（均保留，以最后一次为准）：</div>
          <ol className="ru-reasons ru-small">
            {row.history.map((h) => (
              <li key={h.id}>
                {h.kind === 'confirm' ? '确认' : '调整为'}「{h.label}」：{h.reason}（{h.by} {chinaTime(h.at)}）
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <Input.TextArea aria-label="理由" rows={3} maxLength={2000} showCount placeholder={kind === 'confirm' ? '确认理由，例如：自评等级属实，同意按建议安排' : '调整理由：为什么不按系统建议安排'} value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}
