import { visibleDepartments, type Actor } from '@jixiao/core';
import type { InScope } from '../ports';

/** The list scope of an actor (decision 010): `{}` for district-wide roles, else the departments they see (possibly none). */
export function listScopeOf(actor: Actor): InScope {
  const visible = visibleDepartments(actor);
  return visible === 'all' ? {} : { inDepartments: visible };
}
