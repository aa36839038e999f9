/**
 * Which version of a target document a monitoring report or a self-evaluation is measured against (R9: an approved
 * target is frozen; decision 011): the approved version once there is one — also while an adjustment of it is being
 * edited or reviewed — and the current version before the first approval.
 */
import type { WorkflowStore } from '../workflow/ports';

/** Throws NOT_FOUND for an unknown document. */
export async function resolveTargetVersion(deps: { store: { workflow: WorkflowStore } }, documentId: number): Promise<number> {
  const state = await deps.store.workflow.getTargetWorkflow(documentId);
  return state.approvedVersion ?? state.currentVersion;
}
