/**
 * Withdrawing a draft (撤回, issue 10 item 7): an import made by mistake is taken back whole — the document, every
 * version and its projects, key tasks and indicators — as long as nobody has acted on it yet. A document that was
 * ever submitted has workflow history, and history is append-only (migration 0006), so it can never be withdrawn;
 * the same holds once a reviewer decided on it, a monitoring report or self-evaluation was started on it, or it was
 * published. The audit entry is written in the same transaction as the deletion: both happen or neither does.
 */
import type { WithdrawnDocumentDto } from '@jixiao/contract';
import { recordChange, type ChangeContext } from '../access/audit';
import type { CommandDeps } from '../unit-of-work';

/** What the withdrawal knows of the document before it goes (the audit entry's `before`). */
export interface WithdrawnDocument extends WithdrawnDocumentDto {
  departmentId: number | null;
  year: number | null;
  fileName: string | null;
}

export interface DocumentWithdrawal {
  /**
   * Locks the document and deletes it with everything read from it. Throws NOT_FOUND when there is no such
   * document, CONFLICT (with the reason in Chinese) when it has workflow history, reviewer decisions, evaluations or
   * publications.
   */
  withdrawDraft(documentId: number): Promise<WithdrawnDocument>;
}

export interface WithdrawDocumentInput {
  documentId: number;
}

export async function withdrawDocument(deps: CommandDeps, who: ChangeContext, input: WithdrawDocumentInput): Promise<WithdrawnDocumentDto> {
  const withdrawn = await deps.store.transaction(async (tx) => {
    const gone = await tx.withdrawal.withdrawDraft(input.documentId);
    await recordChange(tx.audit, who, { action: 'document.withdraw', objectType: 'document', objectId: gone.documentId, before: gone, after: null });
    return gone;
  });
  const { documentId, title, versions, projects, indicators } = withdrawn;
  return { documentId, title, versions, projects, indicators };
}
