/**
 * The light of a line (with why, on hover) and, for a non-green line, its required cells: 偏差原因 with its
 * explanation, 完成可能性, 纠偏措施 — the options are the rule set's lists. Empty required cells are marked.
 */
import type { MonitoringBudgetLine, MonitoringIndicatorLine, MonitoringSettings } from '@jixiao/core';
import { Input, Select, Tag, Tooltip } from 'antd';
import { LIGHT_COLORS, LIGHT_WORDS, needsDeviation } from '../model';

type Line = MonitoringBudgetLine | MonitoringIndicatorLine;

export function LightCell({ line, waiting = '待填' }: { line: Line; waiting?: string }) {
  const why = (
    <div>
      {line.reasons.map((r) => (
        <div key={r}>{r}</div>
      ))}
      <div style={{ opacity: 0.75, marginTop: 4 }}>依据设置：{line.setting}</div>
    </div>
  );
  return (
    <Tooltip title={why}>
      {line.light ? (
        <Tag className="mo-light" color={LIGHT_COLORS[line.light]} data-testid={`light-${line.key}`}>
          {LIGHT_WORDS[line.light]}
        </Tag>
      ) : (
        <span className="mo-light none" data-testid={`light-${line.key}`}>
          {waiting}
        </span>
      )}
    </Tooltip>
  );
}

const options = (list: string[]) => list.map((v) => ({ value: v, label: v }));
const has = (missing: string[], field: string) => missing.some((m) => m.startsWith(field));

export function DeviationCells({ line, settings, disabled, onChange }: { line: Line; settings: MonitoringSettings; disabled: boolean; onChange: (patch: Record<string, unknown>) => void }) {
  if (!needsDeviation(line.light)) return <span className="mo-dev-none">—</span>;
  const d = line.deviation;
  const status = (field: string) => (has(line.missing, field) ? 'error' : undefined);
  return (
    <div className="mo-dev">
      <Select<string>
        size="small"
        placeholder="偏差原因（必填）"
        aria-label={`偏差原因 ${line.label}`}
        value={d.reason ?? undefined}
        status={status('偏差原因')}
        options={options(settings.deviationReasons)}
        onChange={(reason) => onChange({ reason })}
        disabled={disabled}
      />
      <Input.TextArea
        size="small"
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={settings.explanationRequired ? '原因说明（必填）' : '原因说明'}
        aria-label={`原因说明 ${line.label}`}
        value={d.explanation ?? ''}
        status={status('原因说明')}
        onChange={(e) => onChange({ explanation: e.target.value })}
        disabled={disabled}
        maxLength={2000}
      />
      <Select<string>
        size="small"
        placeholder="完成可能性（必填）"
        aria-label={`完成可能性 ${line.label}`}
        value={d.likelihood ?? undefined}
        status={status('完成可能性')}
        options={options(settings.likelihoods)}
        onChange={(likelihood) => onChange({ likelihood })}
        disabled={disabled}
      />
      <Select<string[]>
        size="small"
        mode="multiple"
        placeholder="纠偏措施（必填，可多选）"
        aria-label={`纠偏措施 ${line.label}`}
        value={d.measures ?? []}
        status={status('纠偏措施')}
        options={options(settings.measures)}
        onChange={(measures) => onChange({ measures })}
        disabled={disabled}
      />
    </div>
  );
}
