/**
 * Every change to a review (accept, dismiss, add a finding, the conclusion) first asks the core whether the review is
 * still open: once the targets are approved or rejected, the review is the record that decision was made on.
 * Read inside the change's transaction, under which the workflow cannot move unseen.
 */
import { decideReviewChange } from '@jixiao/core';
import type { Repositories } from '../unit-of-work';
import { refusalError } from '../workflow/workflow-common';

export async function refuseUnlessReviewOpen(tx: Pick<Repositories, 'workflow'>, documentId: number): Promise<void> {
  const decided = decideReviewChange(await tx.workflow.getTargetWorkflow(documentId));
  if (!decided.ok) throw refusalError(decided);
}
