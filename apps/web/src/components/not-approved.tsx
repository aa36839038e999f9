/**
 * Shown instead of 「开始」 on targets that were never approved (批复): monitoring and self-evaluation read the approved
 * version (R9). The tag says so in two words; hovering or focusing it gives the whole reason and what to do.
 */
import { Tag, Tooltip } from 'antd';

export function NotApproved({ reason }: { reason: string }) {
  return (
    <Tooltip title={reason}>
      <Tag tabIndex={0} aria-label={reason} style={{ cursor: 'help' }}>
        目标未批复
      </Tag>
    </Tooltip>
  );
}
