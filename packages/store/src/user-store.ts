/**
 * `UserStore` on drizzle (schema `users`): the people who sign in. Users are never deleted, only disabled, so the
 * audit trail keeps naming them; demo users are removed when the server starts outside demo mode.
 */
import { AppError, type NewUser, type StoredUser, type UserPatch, type UserStore } from '@jixiao/services';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { users } from './schema';
import type { SqlRow } from './sql-row';
import { intArray } from './sql-arrays';
import { utcIso } from './sql-values';

type UserRow = Pick<
  SqlRow<typeof users>,
  'id' | 'username' | 'display_name' | 'password_hash' | 'role' | 'department_id' | 'assigned_department_ids' | 'disabled' | 'demo' | 'created_at' | 'updated_at'
>;

const columns = sql`u.id, u.username, u.display_name, u.password_hash, u.role, u.department_id, u.assigned_department_ids,
  u.disabled, u.demo, ${utcIso('u.created_at')} as created_at, ${utcIso('u.updated_at')} as updated_at`;

/** PGlite and node-postgres both parse integer[]; the text form is handled in case a driver does not. */
function parseIds(value: number[] | string): number[] {
  if (Array.isArray(value)) return value.map(Number);
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map(Number);
}

export function toUser(r: UserRow): StoredUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    departmentId: r.department_id,
    assignedDepartmentIds: parseIds(r.assigned_department_ids),
    disabled: r.disabled,
    demo: r.demo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const userColumns = columns;
export type { UserRow };

export function createUserStore(db: Db): UserStore {
  const one = async (where: SQL): Promise<UserRow | undefined> => (await queryRows<UserRow>(db, sql`select ${columns} from users u where ${where}`))[0];

  return {
    async listUsers() {
      const rows = await queryRows<UserRow>(db, sql`select ${columns} from users u order by u.username`);
      return rows.map(toUser);
    },

    async getUser(id) {
      const row = await one(sql`u.id = ${id}`);
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的用户。`, { userId: id });
      return toUser(row);
    },

    async findForSignIn(username) {
      const row = await one(sql`u.username = ${username}`);
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    },

    async createUser(input: NewUser) {
      const rows = await queryRows<UserRow>(
        db,
        sql`with u as (
              insert into users (username, display_name, password_hash, role, department_id, assigned_department_ids, demo)
              values (${input.username}, ${input.displayName}, ${input.passwordHash}, ${input.role}, ${input.departmentId},
                      ${intArray(input.assignedDepartmentIds)}, ${input.demo ?? false})
              on conflict (username) do nothing
              returning *)
            select ${columns} from u`,
      );
      const row = rows[0];
      if (!row) throw new AppError('CONFLICT', `用户名「${input.username}」已被使用，请换一个。`, { username: input.username });
      return toUser(row);
    },

    async updateUser(id, patch: UserPatch) {
      const sets: SQL[] = [sql`updated_at = now()`];
      if (patch.displayName !== undefined) sets.push(sql`display_name = ${patch.displayName}`);
      if (patch.role !== undefined) sets.push(sql`role = ${patch.role}`);
      if (patch.departmentId !== undefined) sets.push(sql`department_id = ${patch.departmentId}`);
      if (patch.assignedDepartmentIds !== undefined) sets.push(sql`assigned_department_ids = ${intArray(patch.assignedDepartmentIds)}`);
      if (patch.disabled !== undefined) sets.push(sql`disabled = ${patch.disabled}`);
      const rows = await queryRows<UserRow>(
        db,
        sql`with u as (update users set ${sql.join(sets, sql`, `)} where id = ${id} returning *) select ${columns} from u`,
      );
      const row = rows[0];
      if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的用户。`, { userId: id });
      return toUser(row);
    },

    async setPasswordHash(id, passwordHash, now) {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update users set password_hash = ${passwordHash}, password_changed_at = ${now.toISOString()}, updated_at = now() where id = ${id} returning id`,
      );
      if (!rows[0]) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的用户。`, { userId: id });
    },

    async removeDemoUsers() {
      await db.execute(sql`delete from sessions where user_id in (select id from users where demo)`);
      const rows = await queryRows<{ id: number }>(db, sql`delete from users where demo returning id`);
      return rows.length;
    },
  };
}
