/**
 * Who makes a change from the command line (decision 010): there is no signed-in actor, so the audit trail names the
 * operator — the name given with `--by`, else the operating-system user (`cli:<name>`) — and the invocation
 * (`cli-<uuid>`).
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ChangeContext } from '@jixiao/services';

function systemUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What `CommandIo.change` is: the change context of one invocation; `by` (`--by`) names the operator instead of the system user. */
export type CliChange = (by?: string | boolean) => ChangeContext;

/**
 * One per invocation: every change of this run shares the request id. Kept by the invocation (run.ts), not by the
 * module, so several invocations in one process (the in-process CLI tests) have their own.
 */
export function cliChangeFor(requestId = `cli-${randomUUID()}`): CliChange {
  return (by) => {
    const named = typeof by === 'string' ? by.trim() : '';
    return { actor: null, requestId, operator: named || systemUser() };
  };
}
