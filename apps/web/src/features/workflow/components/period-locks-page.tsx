/**
 * 期间锁定 (decision 011): the finance bureau closes a year (every monitoring month and the self-evaluation of that
 * year) or one monitoring month; saves and transitions of its reports are refused from then on. Unlocking needs a
 * reason. The history below says who locked or unlocked what, when and why.
 */
import { chinaTime } from '@jixiao/core';
import { App as AntApp, Button, Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { getPeriodLocks, setPeriodLock, type PeriodLocksDto, workflowKeys } from '../api';

type Lock = PeriodLocksDto['history'][number];

const columns = [
  { title: '期间', dataIndex: 'period', width: 100 },
  { title: '操作', dataIndex: 'locked', width: 100, render: (locked: boolean) => (locked ? <Tag color="red">锁定</Tag> : <Tag color="green">解除锁定</Tag>) },
  { title: '理由', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
  { title: '办理人', dataIndex: 'by', width: 160 },
  { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => chinaTime(v) },
];

export function PeriodLocksPage() {
  const { message } = AntApp.useApp();
  const invalidate = useInvalidate();
  const loaded = useApiQuery(workflowKeys.locks(), (signal) => getPeriodLocks(signal));
  const [period, setPeriod] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function change(locked: boolean) {
    setBusy(true);
    try {
      await setPeriodLock({ period: period.trim(), locked, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      void message.success(locked ? `已锁定 ${period.trim()}` : `已解除 ${period.trim()} 的锁定`, 2);
      setReason('');
      // A lock changes what every evaluation's workflow panel says.
      void invalidate(workflowKeys.all);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 8);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHead title="期间锁定" sub="锁定年度（如 2024）后，该年各月运行监控和年度绩效自评都不能再保存或变更状态；锁定月份（如 2024-07）只锁定该月运行监控。" />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="toolbar" style={{ marginBottom: 0 }}>
          <Input aria-label="期间" placeholder="2024 或 2024-07" value={period} onChange={(e) => setPeriod(e.target.value)} style={{ width: 160 }} />
          <Input aria-label="理由" placeholder="理由（解除锁定时必填）" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 320 }} />
          <Button type="primary" danger disabled={busy || !period.trim()} onClick={() => void change(true)}>
            锁定
          </Button>
          <Button disabled={busy || !period.trim()} onClick={() => void change(false)}>
            解除锁定
          </Button>
        </div>
        <div className="muted" style={{ marginTop: 8 }}>
          当前锁定：{loaded.data?.locked.length ? loaded.data.locked.map((l) => `${l.period}（${l.by} ${chinaTime(l.at)}）`).join('；') : '无'}
        </div>
      </Card>
      {loaded.error ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Table<Lock> size="small" rowKey={(l) => `${l.period}-${l.at}`} columns={columns} dataSource={[...(loaded.data?.history ?? [])].reverse()} loading={loaded.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      )}
    </>
  );
}
