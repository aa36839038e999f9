import { Input, Modal } from 'antd';
import { useState } from 'react';

/** Asks for the reason or opinion a transition requires; OK stays disabled until something is written. */
export function ReasonDialog({
  open,
  title,
  placeholder,
  okText,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  placeholder: string;
  okText: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: reason.trim() === '' }}
      onCancel={onCancel}
      onOk={() => onSubmit(reason.trim())}
      destroyOnHidden
    >
      <Input.TextArea aria-label={title} rows={4} maxLength={2000} showCount placeholder={placeholder} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
    </Modal>
  );
}
