/**
 * The budget lines: 年初预算数, 全年预算数 and 全年执行数 per project (and, for a department, the total and each
 * source), with the execution rate computed exactly by the core as the figures are typed.
 */
import { executionRate, type AmountUnit, type BudgetEntry, type BudgetSlot } from '@jixiao/core';
import { InputNumber, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';

export function BudgetTable({
  slots,
  entries,
  unit,
  onChange,
  readOnly,
}: {
  slots: BudgetSlot[];
  entries: Record<string, BudgetEntry>;
  unit: AmountUnit;
  onChange: (key: string, patch: BudgetEntry) => void;
  /** Submitted, done, locked, or a person who may not fill it. */
  readOnly?: boolean;
}) {
  const amount = (field: keyof BudgetEntry, label: string) => ({
    title: `${label}（${unit}）`,
    key: field,
    width: 150,
    render: (_: unknown, s: BudgetSlot) => (
      <InputNumber<number>
        size="small"
        min={0}
        step={0.01}
        style={{ width: '100%' }}
        aria-label={`${label} ${s.label}`}
        value={entries[s.key]?.[field] ?? (field === 'initial' ? s.planned : null) ?? null}
        onChange={(v) => onChange(s.key, { [field]: v ?? null })}
        disabled={readOnly}
      />
    ),
  });
  const columns: ColumnsType<BudgetSlot> = [
    { title: '项目 / 资金来源', dataIndex: 'label' },
    amount('initial', '年初预算数'),
    amount('adjusted', '全年预算数'),
    amount('spent', '全年执行数'),
    {
      title: '执行率',
      key: 'rate',
      width: 90,
      align: 'right',
      render: (_: unknown, s) => {
        const e = entries[s.key] ?? {};
        const rate = executionRate({ initial: e.initial ?? s.planned, adjustment: null, adjusted: e.adjusted ?? null, spent: e.spent ?? null }, unit);
        return <span data-testid={`rate-${s.key}`}>{rate == null ? '—' : `${rate.toFixed(2)}%`}</span>;
      },
    },
  ];
  return <Table<BudgetSlot> rowKey="key" size="small" columns={columns} dataSource={slots} pagination={false} />;
}
