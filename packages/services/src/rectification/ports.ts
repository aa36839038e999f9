/**
 * What the rectification (整改) and evidence (佐证材料) use cases need from the store (issue 14 items 2 and 3). Every
 * move runs the core's decision under the item's row lock, so two reviewers acting at once cannot both win.
 */
import type { EvidenceOwnerKind, EvidenceType, RectificationDraft, RectificationRecord, RectificationSourceKind, RectificationStatus } from '@jixiao/core';
import type { InScope } from '../ports';
import type { ActedBy } from '../workflow/ports';

export interface StoredRectification {
  id: number;
  departmentId: number | null;
  department: string | null;
  unitName: string;
  responsiblePerson: string;
  problem: string;
  basis: string;
  measures: string;
  deadline: string;
  projectName: string | null;
  source: { kind: RectificationSourceKind; documentId: number | null; evaluationId: number | null; key: string | null; reference: string | null };
  status: RectificationStatus;
  round: number;
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  issuedAt: string | null;
  verifiedAt: string | null;
}

export interface StoredRectificationTransition extends RectificationRecord {
  id: number;
  itemId: number;
  attachmentIds: number[];
  by: ActedBy;
  at: string;
}

export interface RectificationQuery extends InScope {
  status?: RectificationStatus;
  departmentId?: number;
  /** Only items the unit still owes whose deadline is before this Beijing date (逾期). */
  overdueOn?: string;
  search?: string;
  limit: number;
  offset: number;
}

/** An attachment without its bytes. */
export interface StoredAttachment {
  id: number;
  ownerKind: EvidenceOwnerKind;
  ownerId: number;
  departmentId: number | null;
  fileName: string;
  type: EvidenceType;
  mediaType: string;
  size: number;
  sha256: string;
  by: ActedBy;
  at: string;
}

export interface NewAttachment {
  ownerKind: EvidenceOwnerKind;
  ownerId: number;
  departmentId: number | null;
  fileName: string;
  type: EvidenceType;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}

export type RectificationDecide = (item: StoredRectification) => RectificationRecord;

export interface RectificationStore {
  create(draft: RectificationDraft, by: ActedBy): Promise<StoredRectification>;
  /** Throws NOT_FOUND. */
  get(id: number): Promise<StoredRectification>;
  list(query: RectificationQuery): Promise<{ items: StoredRectification[]; total: number }>;
  /** Every item in scope that the workflow still has open (not verified): 工作台 and results use. */
  listOpen(scope: InScope & { departmentId?: number; documentId?: number; projectName?: string }): Promise<StoredRectification[]>;
  /** An item raised from the same source (same kind, object and key), to refuse raising it twice. */
  findBySource(source: { kind: RectificationSourceKind; documentId: number | null; evaluationId: number | null; key: string }): Promise<StoredRectification | null>;
  /** Locks the item, calls `decide` (which throws to refuse), stores the next state and the transition with its attachments. */
  transition(id: number, by: ActedBy, decide: RectificationDecide, attachments: readonly NewAttachment[]): Promise<{ item: StoredRectification; transition: StoredRectificationTransition }>;
  listTransitions(id: number): Promise<StoredRectificationTransition[]>;
}

export interface AttachmentStore {
  /** Stores one file for an owner (evidence of another kind of object than a rectification). */
  add(attachment: NewAttachment, by: ActedBy): Promise<StoredAttachment>;
  listFor(ownerKind: EvidenceOwnerKind, ownerId: number): Promise<StoredAttachment[]>;
  /** Throws NOT_FOUND. */
  get(id: number): Promise<StoredAttachment>;
  /** The stored bytes (throws NOT_FOUND). */
  content(id: number): Promise<Uint8Array>;
}
