/**
 * Demo data: a target document taken through the real workflow to 批复 by the demo accounts, so its history and the
 * audit trail show every step: submitted by the unit, approved for the unit, the finance reviewer's conclusion set to
 * 良 (with a reason saying it is demo data) when the computed one would not lead to 批复, then approved.
 */
import type { Actor } from '@jixiao/core';
import { actorOf } from '../access/actor-of';
import { loadReview } from '../review/review-state';
import { setConclusion } from '../review/set-conclusion';
import type { CommandDeps } from '../unit-of-work';
import { transitionTarget } from '../workflow/target-workflow';

export const DEMO_CONCLUSION_REASON = '演示数据：评审结论为良';
const REQUEST_ID = 'demo-seed';

/** The demo account of that name, or null (demo accounts removed or renamed). */
export async function demoActor(deps: CommandDeps, username: string): Promise<Actor | null> {
  const user = (await deps.store.users.listUsers()).find((u) => u.demo && u.username === username);
  return user ? actorOf(user) : null;
}

export interface DemoApprovers {
  submitter: Actor;
  unitApprover: Actor;
  reviewer: Actor;
  /** Why a step was taken by someone else than the unit (e.g. the admin for a unit without demo accounts). */
  reasons?: { submit?: string; approveUnit?: string };
}

const as = (actor: Actor) => ({ actor, requestId: REQUEST_ID });

export async function approveDemoTargets(deps: CommandDeps, documentId: number, by: DemoApprovers): Promise<void> {
  await transitionTarget(deps, as(by.submitter), { documentId, action: 'submit', reason: by.reasons?.submit ?? null });
  await transitionTarget(deps, as(by.unitApprover), { documentId, action: 'approve-unit', reason: by.reasons?.approveUnit ?? null });
  const conclusion = (await loadReview(deps, documentId)).result.conclusion ?? null;
  if (conclusion !== '优' && conclusion !== '良') await setConclusion(deps, as(by.reviewer), { documentId, conclusion: '良', reason: DEMO_CONCLUSION_REASON });
  await transitionTarget(deps, as(by.reviewer), { documentId, action: 'approve' });
}
