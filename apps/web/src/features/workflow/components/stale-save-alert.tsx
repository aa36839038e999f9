import { Alert, Button } from 'antd';

/**
 * A save refused because someone else saved first (409): the server's message says who and when; 重新载入 shows
 * their version. The person's own edits stay on the page until they reload, so they can copy them first.
 */
export function StaleSaveAlert({ message, onReload }: { message: string; onReload: () => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="wf-stale"
      title="保存未成功：内容已被他人修改"
      description={message}
      action={
        <Button type="primary" size="small" onClick={onReload}>
          重新载入
        </Button>
      }
    />
  );
}
