/**
 * What both workflow panels do with an action: remember the action asking for a reason, keep the buttons disabled
 * while the server is asked, then say what happened (a refusal's message as is), reload the panel and tell the page.
 * `confirmThen` asks first, for an action that cannot be taken back.
 */
import { App as AntApp } from 'antd';
import { useState } from 'react';

export function useWorkflowActions<A extends string>(reload: () => void, onChanged?: () => void) {
  const { message, modal } = AntApp.useApp();
  const [asking, setAsking] = useState<A | undefined>();
  const [busy, setBusy] = useState(false);

  async function run(label: string, call: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await call();
      void message.success(label, 2);
      setAsking(undefined);
      reload();
      onChanged?.();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 8);
      reload();
    } finally {
      setBusy(false);
    }
  }

  function confirmThen(what: string, consequence: string, go: () => Promise<void>): void {
    modal.confirm({ title: `确定${what}？`, content: consequence, okText: '确定', cancelText: '取消', onOk: go });
  }

  return { asking, setAsking, busy, run, confirmThen };
}
