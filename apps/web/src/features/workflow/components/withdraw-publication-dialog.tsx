import { ReasonDialog } from './reason-dialog';

/** 撤回公开: the reason the history keeps, asked before published targets or results leave the public page. */
export function WithdrawPublicationDialog({ open, busy, example, onCancel, onSubmit }: { open: boolean; busy: boolean; example: string; onCancel: () => void; onSubmit: (reason: string) => void }) {
  return (
    <ReasonDialog
      key={open ? 'withdrawing' : 'not-withdrawing'}
      open={open}
      title="撤回公开：理由"
      placeholder={example}
      okText="撤回公开"
      busy={busy}
      onCancel={onCancel}
      onSubmit={onSubmit}
    />
  );
}
