import type { Actor } from '@jixiao/core';
import type { StoredUser } from './ports';

/** The actor a signed-in user acts as. */
export function actorOf(user: StoredUser): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    assignedDepartmentIds: user.assignedDepartmentIds,
  };
}
