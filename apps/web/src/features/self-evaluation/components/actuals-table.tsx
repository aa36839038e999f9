/**
 * The editable table of actuals: targets read-only (grey), the actual, tier and reason typed in place, the score of
 * each indicator recomputed by the core as the user types, its reasons shown under it.
 */
import { formatTarget, type IndicatorEntry, type QualitativeTier, type ScoredLine } from '@jixiao/core';
import { Input, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TIER_LABELS } from '../api';
import type { LiveScore } from './live-score';

type Slot = LiveScore['slots'][number];

const STATUS: Record<string, { label: string; color: string }> = {
  met: { label: '达成', color: 'green' },
  partly: { label: '部分达成', color: 'orange' },
  missed: { label: '未达成', color: 'red' },
  qualitative: { label: '定性', color: 'blue' },
  pending: { label: '待填', color: 'default' },
  invalid: { label: '有误', color: 'red' },
};

export function ActualsTable({
  slots,
  lines,
  entries,
  onChange,
  readOnly,
}: {
  slots: Slot[];
  lines: Map<string, ScoredLine>;
  entries: Record<string, IndicatorEntry>;
  onChange: (key: string, patch: IndicatorEntry) => void;
  readOnly?: boolean;
}) {
  const columns: ColumnsType<Slot> = [
    {
      title: '绩效指标',
      key: 'name',
      render: (_: unknown, s) => (
        <div>
          <div style={{ fontWeight: 500 }}>{s.indicator.name}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            {[s.indicator.level1, s.indicator.level2].filter(Boolean).join(' / ') || s.group}
          </div>
        </div>
      ),
    },
    {
      title: '年度指标值',
      key: 'target',
      width: 130,
      render: (_: unknown, s) => <span className="se-target">{formatTarget(s.indicator.annualTarget ?? s.indicator.periodTarget) || '—'}</span>,
    },
    { title: '分值', key: 'weight', width: 64, align: 'right', render: (_: unknown, s) => lines.get(s.key)?.weight ?? '—' },
    {
      title: '实际完成值',
      key: 'actual',
      width: 160,
      render: (_: unknown, s) => (
        <Input
          size="small"
          aria-label={`实际完成值 ${s.indicator.name}`}
          placeholder="如 95%"
          disabled={readOnly}
          value={entries[s.key]?.actual ?? ''}
          onChange={(e) => onChange(s.key, { actual: e.target.value })}
        />
      ),
    },
    {
      title: '定性档次',
      key: 'tier',
      width: 118,
      render: (_: unknown, s) => (
        <Select<QualitativeTier>
          size="small"
          allowClear
          aria-label={`定性档次 ${s.indicator.name}`}
          placeholder="—"
          disabled={readOnly}
          style={{ width: '100%' }}
          value={entries[s.key]?.tier ?? undefined}
          onChange={(v) => onChange(s.key, { tier: v ?? null, score: null })}
          options={(Object.keys(TIER_LABELS) as QualitativeTier[]).map((t) => ({ value: t, label: TIER_LABELS[t] }))}
        />
      ),
    },
    {
      title: '得分',
      key: 'score',
      width: 210,
      render: (_: unknown, s) => {
        const line = lines.get(s.key);
        if (!line) return '—';
        const st = STATUS[line.result.status] ?? STATUS['pending']!;
        return (
          <Tooltip title={line.result.reasons.join('；')}>
            <div data-testid={`score-${s.key}`}>
              <span className="se-score">{line.result.score ?? '—'}</span>
              <Tag color={st.color} style={{ marginLeft: 6 }}>
                {st.label}
              </Tag>
              {line.result.overrun ? <Tag color="purple">超额</Tag> : null}
              <div className="muted se-reason">{line.result.reasons[0]}</div>
            </div>
          </Tooltip>
        );
      },
    },
    {
      title: '偏差原因 / 超额说明',
      key: 'reason',
      width: 200,
      render: (_: unknown, s) => {
        const needed = lines.get(s.key)?.result.needsExplanation ?? false;
        return (
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            status={needed ? 'error' : undefined}
            placeholder={needed ? '超额完成，须说明原因' : ''}
            aria-label={`偏差原因 ${s.indicator.name}`}
            disabled={readOnly}
            value={entries[s.key]?.deviationReason ?? ''}
            onChange={(e) => onChange(s.key, { deviationReason: e.target.value })}
          />
        );
      },
    },
  ];
  return <Table<Slot> rowKey="key" size="small" columns={columns} dataSource={slots} pagination={false} />;
}
