import { Alert, Button, Empty, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, navigate } from '../lib/router';

/** A failed load: the server's Chinese message and a way to try again. */
export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={error.message}
      action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

/** An empty list that says what to do next. */
export function EmptyState({ title, hint, action }: { title: string; hint?: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ fontSize: 15, color: '#1f2329', marginBottom: 4 }}>{title}</div>
          {hint ? <div className="muted">{hint}</div> : null}
        </div>
      }
    >
      {action}
    </Empty>
  );
}

export function GoImportButton({ label = '去导入文档' }: { label?: string }) {
  return (
    <Button type="primary" onClick={() => navigate('/import')}>
      {label}
    </Button>
  );
}

export function NotFound({ what = '页面' }: { what?: string }) {
  return (
    <Result
      status="404"
      title={`找不到该${what}`}
      subTitle="地址可能输错了，或者数据已被删除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          回到部门列表
        </Button>
      }
    />
  );
}

/** Above a list narrowed to the one document a 工作台 item opened: says so, and leads back to the whole list. */
export function OnlyOneAlert({ to }: { to: string }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      title={
        <span>
          只显示工作台中选中的文档。<Link to={to}>显示全部</Link>
        </span>
      }
    />
  );
}
