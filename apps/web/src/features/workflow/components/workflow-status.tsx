import { Tag } from 'antd';

/** 「流程状态」 and the status tag at the head of both workflow panels (found by its test id in the e2e journeys). */
export function WorkflowStatus({ color, label, testId }: { color: string; label: string; testId: string }) {
  return (
    <>
      <span className="wf-label">流程状态</span>
      <Tag color={color} data-testid={testId}>
        {label}
      </Tag>
    </>
  );
}
