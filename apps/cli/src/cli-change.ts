/**
 * Who makes a change from the command line (decision 010): there is no signed-in actor, so the audit trail names the
 * operating-system user (`cli:<name>`) and the invocation (`cli-<uuid>`).
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ChangeContext } from '@jixiao/services';

function operator(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** One per invocation: every change of this run shares the request id. */
let current: ChangeContext | undefined;
export function cliChange(): ChangeContext {
  current ??= { actor: null, requestId: `cli-${randomUUID()}`, operator: operator() };
  return current;
}
