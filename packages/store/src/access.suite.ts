/**
 * The access store suite, run on both backends (access.pglite.test.ts, access.pg.test.ts): users, database sessions
 * with idle and absolute expiry and revocation, failed sign-in counts, and the append-only audit trail.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from './open-store';
import { rejection, useSuiteStore, type StoreHandle } from './testing';

const T0 = new Date('2026-03-01T08:00:00.000Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const day = (d: number) => minutes(d * 24 * 60);

/** What the database said when a statement failed (drizzle wraps it; the cause carries PostgreSQL's message). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no failure';
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    return cause instanceof Error ? cause.message : String(cause);
  }
}

export function accessSuite(backend: string, open: () => Promise<StoreHandle>): void {
  describe(`access on ${backend}`, () => {
    let store: OpenedStore;
    let jinhua: number;
    let huadi: number;

    useSuiteStore(open, async (opened) => {
      store = opened;
      const rows = (await store.db.execute(sql`insert into departments (name) values ('金花街道办事处'), ('花地街道办事处') returning id`)) as unknown as { rows: { id: number }[] };
      [jinhua, huadi] = rows.rows.map((r) => r.id) as [number, number];
    });

    it('creates users with their role and scope, refuses a taken username, and updates', async () => {
      const editor = await store.users.createUser({ username: 'li', displayName: '李填报', passwordHash: 'h1', role: 'unit-editor', departmentId: jinhua, assignedDepartmentIds: [] });
      expect(editor).toMatchObject({ username: 'li', displayName: '李填报', role: 'unit-editor', departmentId: jinhua, assignedDepartmentIds: [], disabled: false, demo: false });
      const taken = await rejection(store.users.createUser({ username: 'li', displayName: '另一个', passwordHash: 'h', role: 'admin', departmentId: null, assignedDepartmentIds: [] }));
      expect(taken.code).toBe('CONFLICT');
      expect(taken.message).toContain('li');

      const reviewer = await store.users.createUser({ username: 'firm', displayName: '某会计师事务所', passwordHash: 'h2', role: 'third-party-reviewer', departmentId: null, assignedDepartmentIds: [jinhua, huadi] });
      expect(reviewer.assignedDepartmentIds).toEqual([jinhua, huadi]);
      const narrowed = await store.users.updateUser(reviewer.id, { assignedDepartmentIds: [huadi], displayName: '某事务所' });
      expect(narrowed).toMatchObject({ assignedDepartmentIds: [huadi], displayName: '某事务所', role: 'third-party-reviewer' });

      expect((await store.users.findForSignIn('li'))?.passwordHash).toBe('h1');
      expect(await store.users.findForSignIn('nobody')).toBeNull();
      expect((await rejection(store.users.getUser(99999))).code).toBe('NOT_FOUND');
      expect((await store.users.listUsers()).map((u) => u.username)).toEqual(['firm', 'li']);
    });

    it('refuses a unit role without a department (database check)', async () => {
      expect(await failure(store.users.createUser({ username: 'x', displayName: 'x', passwordHash: 'h', role: 'unit-approver', departmentId: null, assignedDepartmentIds: [] }))).toMatch(/users_unit_department/);
    });

    it('keeps a session alive while used, ends it when idle, past its absolute expiry, revoked or its user disabled', async () => {
      const user = (await store.users.findForSignIn('li'))!.user;
      const idle = 30;
      const use = (token: string, at: Date) => store.sessions.useSession(token, at, new Date(at.getTime() - idle * 60_000));
      await store.sessions.createSession({ tokenSha256: 'a', userId: user.id, csrfToken: 'csrf-a', now: T0, expiresAt: minutes(60), ip: '10.0.0.1', userAgent: 'test' });

      const live = await use('a', minutes(20));
      expect(live).toMatchObject({ csrfToken: 'csrf-a', user: { username: 'li', role: 'unit-editor' } });
      expect(await use('a', minutes(45))).not.toBeNull(); // 25 minutes after the last use: still within the idle limit
      expect(await use('a', minutes(61))).toBeNull(); // past the absolute expiry although used recently
      expect(await use('unknown', minutes(1))).toBeNull();

      await store.sessions.createSession({ tokenSha256: 'b', userId: user.id, csrfToken: 'csrf-b', now: T0, expiresAt: minutes(600), ip: null, userAgent: null });
      expect(await use('b', minutes(31))).toBeNull(); // idle since T0

      await store.sessions.createSession({ tokenSha256: 'c', userId: user.id, csrfToken: 'c', now: T0, expiresAt: minutes(600), ip: null, userAgent: null });
      await store.sessions.createSession({ tokenSha256: 'd', userId: user.id, csrfToken: 'd', now: T0, expiresAt: minutes(600), ip: null, userAgent: null });
      const c = (await use('c', minutes(1)))!;
      expect(await store.sessions.revokeUserSessions(user.id, minutes(2), c.sessionId)).toBeGreaterThanOrEqual(1);
      expect(await use('d', minutes(3))).toBeNull();
      expect(await use('c', minutes(3))).not.toBeNull();

      await store.users.updateUser(user.id, { disabled: true });
      expect(await use('c', minutes(4))).toBeNull();
      await store.users.updateUser(user.id, { disabled: false });
      await store.sessions.revokeSession(c.sessionId, minutes(5));
      expect(await use('c', minutes(6))).toBeNull();
    });

    it('counts failed sign-ins per username and per IP within the window, and forgets them on success', async () => {
      for (let i = 0; i < 3; i++) await store.signInFailures.recordFailure({ username: 'li', ip: '10.0.0.9', now: minutes(i) });
      await store.signInFailures.recordFailure({ username: 'other', ip: '10.0.0.9', now: minutes(3) });
      const counts = await store.signInFailures.countFailures({ username: 'li', ip: '10.0.0.9', since: minutes(0.5) });
      expect(counts.byUsername).toEqual({ count: 2, oldest: minutes(1), newest: minutes(2) });
      expect(counts.byIp.newest).toEqual(minutes(3));
      expect(counts.byIp.count).toBe(3);
      await store.signInFailures.clearFailures('li');
      expect((await store.signInFailures.countFailures({ username: 'li', ip: null, since: T0 })).byUsername.count).toBe(0);
    });

    it('deletes sessions that expired or were revoked before a time, and failures recorded before a time, nothing else', async () => {
      const user = (await store.users.findForSignIn('li'))!.user;
      const session = (token: string, expiresAt: Date) => store.sessions.createSession({ tokenSha256: `old-${token}`, userId: user.id, csrfToken: token, now: T0, expiresAt, ip: null, userAgent: null });
      await session('expired-long-ago', day(1));
      await session('revoked-long-ago', day(100));
      await session('expired-lately', day(35));
      await session('revoked-lately', day(100));
      await session('live', day(100));
      const idOf = async (token: string) => (await store.db.execute(sql`select id from sessions where token_sha256 = ${`old-${token}`}`)) as unknown as { rows: { id: number }[] };
      await store.sessions.revokeSession((await idOf('revoked-long-ago')).rows[0]!.id, day(2));
      await store.sessions.revokeSession((await idOf('revoked-lately')).rows[0]!.id, day(33));
      await store.signInFailures.recordFailure({ username: 'old', ip: '10.0.0.8', now: day(30) });
      await store.signInFailures.recordFailure({ username: 'recent', ip: '10.0.0.8', now: day(31.5) });

      const count = async (table: 'sessions' | 'sign_in_failures') => Number(((await store.db.execute(sql`select count(*) as n from ${sql.raw(table)}`)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);
      // The earlier tests' sessions (expired or revoked on day 0) go too.
      const sessionsBefore = await count('sessions');
      const deleted = await store.sessions.deleteEndedSessions(day(32));
      expect(deleted).toBeGreaterThanOrEqual(2); // at least: expired on day 1, revoked on day 2
      expect(await count('sessions')).toBe(sessionsBefore - deleted);
      expect(await store.sessions.deleteEndedSessions(day(32))).toBe(0);
      const left = (await store.db.execute(sql`select token_sha256 from sessions order by token_sha256`)) as unknown as { rows: { token_sha256: string }[] };
      expect(left.rows.map((r) => r.token_sha256)).toEqual(['old-expired-lately', 'old-live', 'old-revoked-lately']);

      const failuresBefore = await count('sign_in_failures');
      const forgotten = await store.signInFailures.deleteFailuresBefore(day(31));
      expect(forgotten).toBeGreaterThanOrEqual(1);
      expect(await count('sign_in_failures')).toBe(failuresBefore - forgotten);
      expect(await count('sign_in_failures')).toBe(1);
      expect((await store.signInFailures.countFailures({ username: 'old', ip: null, since: T0 })).byUsername.count).toBe(0);
      expect((await store.signInFailures.countFailures({ username: 'recent', ip: '10.0.0.8', since: T0 })).byIp.count).toBe(1);
      await store.signInFailures.clearFailures('recent');
    });

    it('appends audit entries, filters and pages them newest first, and refuses to change or delete one', async () => {
      const who = { userId: null, username: 'system', displayName: '系统' };
      const first = await store.audit.append({ actor: who, action: 'document.import', objectType: 'document', objectId: '1', before: null, after: { version: 1 }, requestId: 'r1' });
      expect(first).toMatchObject({ action: 'document.import', before: null, after: { version: 1 }, requestId: 'r1', actor: who });
      expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT/);
      await store.audit.append({ actor: { userId: 1, username: 'li', displayName: '李填报' }, action: 'document.edit', objectType: 'document', objectId: '1', before: { version: 1 }, after: { version: 2 }, requestId: 'r2' });
      await store.audit.append({ actor: who, action: 'user.create', objectType: 'user', objectId: '7', before: null, after: { username: 'x' }, requestId: null });

      const all = await store.audit.listAudit({ limit: 2 });
      expect(all.total).toBe(3);
      expect(all.capped).toBe(false);
      expect(all.items.map((e) => e.action)).toEqual(['user.create', 'document.edit']);
      // The next page by keyset: the entries older than the last one shown.
      const next = await store.audit.listAudit({ limit: 10, before: all.items.at(-1)!.id });
      expect(next.items.map((e) => e.action)).toEqual(['document.import']);
      expect(next.total).toBe(3);
      expect((await store.audit.listAudit({ limit: 10, before: first.id })).items).toEqual([]);
      expect((await store.audit.listAudit({ action: 'document.', limit: 10 })).total).toBe(2);
      expect((await store.audit.listAudit({ actor: 'li', limit: 10 })).items[0]?.before).toEqual({ version: 1 });
      expect((await store.audit.listAudit({ objectType: 'user', objectId: '7', limit: 10 })).total).toBe(1);
      expect((await store.audit.listAudit({ to: '2000-01-01', limit: 10 })).total).toBe(0);
      expect((await store.audit.listAudit({ action: 'document.', limit: 1, before: all.items[1]!.id })).items.map((e) => e.action)).toEqual(['document.import']);

      expect(await failure(store.db.execute(sql`update audit_events set action = 'x'`))).toMatch(/append-only/);
      expect(await failure(store.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
      expect((await store.audit.listAudit({ limit: 10 })).total).toBe(3);
    });

    it('filters lists to the given departments and finds an object’s department', async () => {
      expect((await store.catalog.listDepartments({ inDepartments: [jinhua] })).map((d) => d.id)).toEqual([jinhua]);
      expect(await store.catalog.listDepartments({ inDepartments: [] })).toEqual([]);
      expect((await store.catalog.listDepartments({})).map((d) => d.id).sort()).toEqual([jinhua, huadi].sort());
      expect(await store.catalog.listProjects({ inDepartments: [huadi], limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
      expect(await store.catalog.listIndicators({ inDepartments: [], limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
      expect(await store.documents.listDocuments({ inDepartments: [jinhua] })).toEqual([]);
      expect(await store.scope.departmentOf('department', huadi)).toBe(huadi);
      expect(await store.scope.departmentOf('document', 999_999)).toBeUndefined();
      expect(await store.scope.departmentOf('evaluation', 3_000_000_000)).toBeUndefined(); // beyond int4: not an error
    });

    it('removes demo users and their sessions, and nobody else', async () => {
      const demo = await store.users.createUser({ username: 'demo-admin', displayName: '演示管理员', passwordHash: 'h', role: 'admin', departmentId: null, assignedDepartmentIds: [], demo: true });
      await store.sessions.createSession({ tokenSha256: 'demo', userId: demo.id, csrfToken: 'x', now: T0, expiresAt: minutes(60), ip: null, userAgent: null });
      expect(await store.users.removeDemoUsers()).toBe(1);
      expect((await store.users.listUsers()).map((u) => u.username)).toEqual(['firm', 'li']);
    });
  });
}
