import type { OutputJobRequest } from '@jixiao/contract';
import { Button, Progress, type ButtonProps } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { chineseReason } from '../lib/http';
import { getJob, isFinished, jobFileUrl, jobKeys, jobPercent, startOutputJob } from '../lib/jobs';
import { useApiQuery } from '../lib/query';

/** Hands the finished file to the browser's download, as a link to it would. */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Follows a running job; when it has made the file, downloads it; when it failed, says why. */
function FollowJob({ jobId, onEnd }: { jobId: number; onEnd: (error: string | null) => void }) {
  const job = useApiQuery(jobKeys.detail(jobId), (signal) => getJob(jobId, signal), { keepPrevious: false, pollEvery: (j) => (isFinished(j) ? false : 400) });
  const ended = useRef(false);
  useEffect(() => {
    if (ended.current) return;
    if (job.error) {
      ended.current = true;
      onEnd(job.error.message);
    } else if (job.data?.status === 'succeeded') {
      ended.current = true;
      download(jobFileUrl(jobId));
      onEnd(null);
    } else if (job.data?.status === 'failed') {
      ended.current = true;
      onEnd(chineseReason(job.data.error?.message ?? '文件没有生成，请稍后再试。'));
    }
  }, [job.data, job.error, jobId, onEnd]);
  const percent = job.data ? jobPercent(job.data) : 0;
  return <Progress percent={percent} size="small" status="active" showInfo={false} aria-label={`生成进度 ${percent}%`} style={{ margin: 0, width: '100%' }} />;
}

/**
 * A download of a generated document (评审意见, 监控表, 自评表, 自评报告 …): the server makes it as a job (issue 12 item 5),
 * so a large file neither holds a request open nor stalls the server; the button shows the job's progress and the
 * browser downloads the file when it is ready. A failure is said under the button, in Chinese.
 */
export function OutputJobButton({ request, children, ...button }: { request: OutputJobRequest; children: ReactNode } & Omit<ButtonProps, 'onClick' | 'href' | 'loading'>) {
  const [jobId, setJobId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      setJobId((await startOutputJob(request)).id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  };
  const running = starting || jobId !== null;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 2, maxWidth: '100%' }}>
      <Button {...button} loading={running} onClick={() => void start()}>
        {running ? '正在生成…' : children}
      </Button>
      {jobId !== null ? (
        <FollowJob
          jobId={jobId}
          onEnd={(reason) => {
            setJobId(null);
            setError(reason);
          }}
        />
      ) : null}
      {error ? (
        <span role="alert" style={{ color: '#c62828', fontSize: 12, maxWidth: 260 }}>
          {error}
        </span>
      ) : null}
    </span>
  );
}
