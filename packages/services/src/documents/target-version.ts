/**
 * Which version of a target document a monitoring report or a self-evaluation is measured against (R9: an approved
 * target is frozen; decision 011): the approved version once there is one — also while an adjustment of it is being
 * edited or reviewed — and the current version before the first approval.
 */
import type { DocumentStore } from '../ports';
import type { WorkflowStore } from '../workflow/ports';

/**
 * `workflow` is optional in the type so that callers whose deps name only the documents still compile; every real
 * store (`openStore`) has it, and without it (a test double) the answer is the current version.
 */
export async function resolveTargetVersion(deps: { store: { documents: DocumentStore; workflow?: WorkflowStore } }, documentId: number): Promise<number> {
  // Both throw NOT_FOUND for an unknown document.
  if (deps.store.workflow) {
    const state = await deps.store.workflow.getTargetWorkflow(documentId);
    return state.approvedVersion ?? state.currentVersion;
  }
  const { summary } = await deps.store.documents.getDocument(documentId);
  return summary.version;
}
