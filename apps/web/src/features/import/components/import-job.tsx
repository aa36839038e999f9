import { chinaTime } from '@jixiao/core';
import { JOB_STATUS_LABELS } from '@jixiao/contract';
import { Alert, Button, Card, List, Progress, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { setQueryParam } from '../../../lib/router';
import { jobPercent } from '../../../lib/jobs';
import { chineseReason, documentKeys, getJob, isFinished, jobKeys, listJobs, type JobDto } from '../api';
import { OutcomeView, type Outcome } from './import-outcome';

/**
 * An import running on the server (issue 12 item 5): its progress, then its outcome or the reason it was refused.
 * The page keeps the job's id in the address (`?job=`), so a reload or a link shows the same job again; the person
 * may leave meanwhile — the job goes on, and 「最近的导入」 lists it.
 */
export function ImportJobView({ jobId, problems, onClose }: { jobId: number; problems?: Outcome['problems']; onClose: () => void }) {
  const invalidate = useInvalidate();
  const job = useApiQuery(jobKeys.detail(jobId), (signal) => getJob(jobId, signal), { keepPrevious: false, pollEvery: (j) => (isFinished(j) ? false : 400) });
  const finished = isFinished(job.data);
  const announced = useRef(false);
  useEffect(() => {
    if (finished && !announced.current) {
      announced.current = true;
      void invalidate(documentKeys.all);
      void invalidate(jobKeys.list());
    }
  }, [finished, invalidate]);

  if (job.error) {
    return <Alert type="error" showIcon closable onClose={onClose} title={`无法查看导入任务 ${jobId}`} description={chineseReason(job.error.message)} style={{ marginBottom: 16 }} role="alert" />;
  }
  const data = job.data;
  if (!data) return <Card loading style={{ marginBottom: 16 }} />;
  if (data.status === 'succeeded' && data.result) {
    return <OutcomeView result={{ fileName: data.title, outcome: data.result, problems: problems ?? [] }} />;
  }
  if (data.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        closable
        onClose={onClose}
        title={`“${data.title}”没有导入`}
        description={chineseReason(data.error?.message ?? '导入失败。')}
        style={{ marginBottom: 16 }}
        role="alert"
      />
    );
  }
  const percent = jobPercent(data);
  return (
    <Card style={{ marginBottom: 16 }} title={`正在导入“${data.title}”`}>
      <Progress percent={percent} status="active" aria-label="导入进度" />
      <p style={{ margin: '8px 0 0' }}>
        {JOB_STATUS_LABELS[data.status]} · {data.progress.label}
      </p>
      <p className="muted" style={{ margin: '4px 0 0' }}>
        导入在服务器上进行：可以离开本页，稍后在「最近的导入」中查看结果。
      </p>
    </Card>
  );
}

const STATUS_COLORS: Record<JobDto['status'], string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error' };

/** The person's last imports, so a page left during an import finds it again. */
export function RecentJobs({ current }: { current: number | null }) {
  const jobs = useApiQuery(jobKeys.list(), (signal) => listJobs(signal), { pollEvery: (list) => (list?.some((j) => !isFinished(j)) ? 1_000 : false) });
  // The list holds the files generated for download too; this page shows the imports.
  const items = (jobs.data ?? []).filter((j) => j.kind === 'import').slice(0, 5);
  if (!items.length) return null;
  return (
    <Card size="small" title="最近的导入" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={items}
        renderItem={(j) => (
          <List.Item
            actions={[
              <Button key="show" type="link" size="small" disabled={j.id === current} onClick={() => setQueryParam('job', String(j.id))}>
                查看
              </Button>,
            ]}
          >
            <span style={{ overflowWrap: 'anywhere' }}>{j.title}</span>
            <span style={{ whiteSpace: 'nowrap', marginInlineStart: 8 }}>
              <Tag color={STATUS_COLORS[j.status]}>{JOB_STATUS_LABELS[j.status]}</Tag>
              <span className="muted" style={{ fontSize: 12 }}>
                {chinaTime(j.createdAt)}
              </span>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
