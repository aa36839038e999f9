/**
 * Sign-in over HTTP in-process against a real PGlite store with the demo accounts (decision 010): the cookie's
 * attributes, the CSRF token, sign-out, throttling, idle and absolute expiry on a moved clock, password change,
 * disabled users, and the request id.
 */
import { rmSync } from 'node:fs';
import { errorDtoSchema, sessionDtoSchema, signInInfoDtoSchema } from '@jixiao/contract';
import { DEMO_PASSWORD, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { clientFor, ensureUser, signedIn, TEST_PASSWORD } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
/** The clock every session decision reads; tests move it. */
let now = new Date('2026-03-02T01:00:00.000Z');

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({ method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const signIn = (username: string, password: string, headers: Record<string, string> = {}) => app.request('/api/session', json('POST', { username, password }, headers));
const errorOf = async (res: Response) => errorDtoSchema.parse(await res.json()).error;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-session-');
  const opened = await openContext({ dataDir, demo: true });
  ctx = { ...opened, now: () => now };
  app = createApp(ctx, { logError: () => {} });
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sign-in', () => {
  it('tells the sign-in page it is a demo and lists the demo accounts', async () => {
    const info = signInInfoDtoSchema.parse(await (await app.request('/api/sign-in-info')).json());
    expect(info.demo).toBe(true);
    expect(info.demoAccounts.map((a) => a.username)).toEqual(['jinhua-editor', 'jinhua-approver', 'finance-reviewer', 'third-party', 'admin']);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on Path=/, Secure only over HTTPS, and never stores the token', async () => {
    const res = await signIn('jinhua-editor', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^jixiao_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const session = sessionDtoSchema.parse(await res.json());
    expect(session.user).toMatchObject({ username: 'jinhua-editor', displayName: '金花街道填报人', role: 'unit-editor' });
    expect(JSON.stringify(session)).not.toMatch(/scrypt|password/i);

    const token = /jixiao_session=([^;]+)/.exec(cookie)![1]!;
    const rows = (await ctx.store.users.listUsers()).length;
    expect(rows).toBeGreaterThan(0);
    const behindProxy = await signIn('jinhua-editor', DEMO_PASSWORD, { 'X-Forwarded-Proto': 'https' });
    expect(behindProxy.headers.get('Set-Cookie')).toMatch(/Secure/);
    const https = await app.request('https://jixiao.example/api/session', json('POST', { username: 'jinhua-editor', password: DEMO_PASSWORD }));
    expect(https.headers.get('Set-Cookie')).toMatch(/Secure/);
    // Only the sha256 of the token is in the database.
    const { sql } = await import('drizzle-orm');
    const stored = (await (ctx.store as unknown as { db: { execute(q: unknown): Promise<{ rows: { token_sha256: string }[] }> } }).db.execute(sql`select token_sha256 from sessions`)).rows;
    expect(stored.some((r) => r.token_sha256 === token)).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_sha256))).toBe(true);
  });

  it('refuses a wrong password or unknown user with the same Chinese message, and a sign-in from another site', async () => {
    const wrong = await signIn('jinhua-approver', 'nope-nope');
    const unknown = await signIn('nobody-here', 'nope-nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await errorOf(wrong)).message).toBe('用户名或密码不正确。');
    expect((await errorOf(unknown)).message).toBe('用户名或密码不正确。');
    const forged = await signIn('jinhua-approver', DEMO_PASSWORD, { Origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('Set-Cookie')).toBeNull();
  });

  it('answers every API request with a fresh X-Request-Id', async () => {
    const a = (await app.request('/api/health')).headers.get('X-Request-Id');
    const b = (await app.request('/api/health', { headers: { 'X-Request-Id': 'chosen-by-client' } })).headers.get('X-Request-Id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('CSRF and sign-out', () => {
  it('refuses a state-changing request without the CSRF token or with a wrong one, and changes nothing', async () => {
    const reviewer = await signedIn(app, 'finance-reviewer');
    const before = (await ctx.store.audit.listAudit({ action: 'rule-set.', limit: 1 })).total;
    const body = { ruleSet: 'cn-project-self-evaluation', region: '荔湾区', year: 2024 };
    const admin = await signedIn(app, 'admin');
    const missing = await admin.request('/api/rule-sets/activations', { ...json('POST', body), csrf: false });
    expect(missing.status).toBe(403);
    expect((await errorOf(missing)).message).toMatch(/安全校验未通过/);
    const wrong = await admin.request('/api/rule-sets/activations', json('POST', body, { 'X-CSRF-Token': reviewer.csrfToken }));
    expect(wrong.status).toBe(403);
    expect((await ctx.store.audit.listAudit({ action: 'rule-set.', limit: 1 })).total).toBe(before);
    const rules = (await (await admin.request('/api/rule-sets')).json()) as { activations: unknown[] };
    expect(rules.activations).toEqual([]);
  });

  it('ends the session on sign-out: the old cookie is refused (401) even with its CSRF token', async () => {
    const editor = await signedIn(app, 'unit-editor');
    expect((await editor.request('/api/documents')).status).toBe(200);
    const out = await editor.request('/api/session', { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/jixiao_session=;.*Max-Age=0/);
    expect((await editor.request('/api/documents')).status).toBe(401);
    expect((await editor.request('/api/session')).status).toBe(401);
    const replay = await editor.send('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'another-one-1' });
    expect(replay.status).toBe(401);
  });
});

describe('throttling', () => {
  it('makes an account wait after 5 failures, says until when, backs off on further failures, and lets it in after', async () => {
    await ensureUser(ctx, { username: 'throttled', role: 'finance-reviewer' });
    for (let i = 0; i < 5; i++) expect((await signIn('throttled', 'wrong-password')).status).toBe(401);
    const blocked = await signIn('throttled', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    const error = await errorOf(blocked);
    expect(error.message).toMatch(/该账号登录失败次数过多，请在 \d\d:\d\d（北京时间）之后再试/);
    expect(blocked.headers.get('Set-Cookie')).toBeNull();
    // Only that account waits: another account signs in at once, from the same place.
    expect((await signIn('jinhua-approver', DEMO_PASSWORD)).status).toBe(200);
    // After the first wait (1 minute) a 6th failure makes it wait longer (2 minutes).
    now = new Date(now.getTime() + 61_000);
    expect((await signIn('throttled', 'wrong-password')).status).toBe(401);
    now = new Date(now.getTime() + 61_000);
    expect((await signIn('throttled', TEST_PASSWORD)).status).toBe(429);
    now = new Date(now.getTime() + 60_000);
    expect((await signIn('throttled', TEST_PASSWORD)).status).toBe(200);
  });
});

describe('throttling per address', () => {
  it('slows an address down after 20 failures but never refuses the correct password of an account nobody attacked', async () => {
    const delays: number[] = [];
    const proxied = createApp({ ...ctx, trustProxy: true, sleep: async (ms) => void delays.push(ms) }, { logError: () => {} });
    const attempt = (username: string, password: string, ip: string) =>
      proxied.request('/api/session', json('POST', { username, password }, { 'X-Forwarded-For': `${ip}, 10.0.0.1` }));
    // 25 failures on made-up names from one office address (issue 9's check).
    for (let i = 0; i < 25; i++) expect((await attempt(`spray-${i}`, 'guess-guess', '203.0.113.7')).status).toBe(401);
    expect(delays.length).toBe(5); // the 21st to the 25th attempt were slowed down …
    expect(delays[4]).toBeGreaterThan(delays[0]!); // … more and more
    const colleague = await attempt('jinhua-editor', DEMO_PASSWORD, '203.0.113.7');
    expect(colleague.status).toBe(200); // … but an untouched account still signs in from that address
    expect(delays.length).toBe(6);
    // Another address is not slowed down at all.
    expect((await attempt('someone-new', 'guess-guess', '198.51.100.9')).status).toBe(401);
    expect(delays.length).toBe(6);
    // Without a trusted proxy the header is ignored: the in-process request has no address, so nothing is counted by IP.
    expect((await signIn('someone-else', 'guess-guess', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(401);
  });
});

describe('expiry', () => {
  it('signs out after the idle limit', async () => {
    const editor = await signedIn(app, 'unit-editor');
    now = new Date(now.getTime() + SESSION_IDLE_MS - 60_000);
    expect((await editor.request('/api/session')).status).toBe(200);
    now = new Date(now.getTime() + SESSION_IDLE_MS + 1);
    const res = await editor.request('/api/session');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/请先登录/);
  });

  it('signs out after the absolute limit even when used all along', async () => {
    const editor = await signedIn(app, 'unit-editor');
    const start = now.getTime();
    for (let t = SESSION_IDLE_MS / 2; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) {
      now = new Date(start + t);
      expect((await editor.request('/api/session')).status).toBe(200);
    }
    now = new Date(start + SESSION_ABSOLUTE_MS + 1);
    expect((await editor.request('/api/session')).status).toBe(401);
  });
});

describe('password change and disabled users', () => {
  it('changes the password with the current one, ends the other sessions and keeps this one', async () => {
    await ensureUser(ctx, { username: 'changer', role: 'finance-reviewer' });
    const here = await signedIn(app, { username: 'changer' });
    const elsewhere = await signedIn(app, { username: 'changer' });
    const wrong = await here.send('PUT', '/api/me/password', { currentPassword: 'not-it-at-all', newPassword: 'new-password-2' });
    expect(wrong).toMatchObject({ status: 400, body: { error: { message: '当前密码不正确，请重新输入。' } } });
    const short = await here.send('PUT', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/至少 8 个字符/) } } });
    expect((await here.send('PUT', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'new-password-2' })).status).toBe(204);
    expect((await here.request('/api/session')).status).toBe(200);
    expect((await elsewhere.request('/api/session')).status).toBe(401);
    expect((await signIn('changer', TEST_PASSWORD)).status).toBe(401);
    expect((await signIn('changer', 'new-password-2')).status).toBe(200);
    const audit = await ctx.store.audit.listAudit({ action: 'user.change-password', limit: 5 });
    expect(audit.items[0]?.actor.username).toBe('changer');
    expect(JSON.stringify(audit.items)).not.toMatch(/new-password-2|scrypt/);
  });

  it('ends a disabled user’s sessions at once and refuses their sign-in', async () => {
    await ensureUser(ctx, { username: 'leaver', role: 'finance-reviewer' });
    const leaver = await signedIn(app, { username: 'leaver' });
    const admin = await signedIn(app, 'admin');
    const id = leaver.user.id;
    expect((await admin.send('PATCH', `/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await leaver.request('/api/documents')).status).toBe(401);
    const again = await signIn('leaver', TEST_PASSWORD);
    expect(again.status).toBe(401);
    expect((await errorOf(again)).message).toBe('该账号已停用，请联系管理员。');
  });

  it('lets a client made from a session replay nothing after sign-in as someone else in the same browser', async () => {
    const first = await signedIn(app, 'unit-approver');
    const res = await app.request('/api/session', json('POST', { username: 'finance-reviewer', password: DEMO_PASSWORD }, { Cookie: first.cookie }));
    expect(res.status).toBe(200);
    expect((await clientFor(app, first).request('/api/session')).status).toBe(401);
  });

  it('clears out, on a successful sign-in, sessions ended over 30 days ago and failures older than a day (runs last: moves the clock)', async () => {
    const { sql } = await import('drizzle-orm');
    const db = (ctx.store as unknown as { db: { execute(q: unknown): Promise<{ rows: Record<string, unknown>[] }> } }).db;
    const tokens = async () => (await db.execute(sql`select token_sha256 from sessions`)).rows.map((r) => r.token_sha256 as string);
    const earlier = await tokens();
    expect(earlier.length).toBeGreaterThan(0);
    now = new Date(now.getTime() + 31 * 24 * 60 * 60_000); // every earlier session expired (12 hours) more than 30 days ago
    await ctx.store.signInFailures.recordFailure({ username: 'someone', ip: '10.9.9.9', now: new Date(now.getTime() - 25 * 60 * 60_000) });
    await ctx.store.signInFailures.recordFailure({ username: 'someone', ip: '10.9.9.9', now: new Date(now.getTime() - 60_000) });
    expect((await signIn('third-party', DEMO_PASSWORD)).status).toBe(200);
    const left = await tokens();
    expect(left).toHaveLength(1); // the new session only
    expect(earlier).not.toContain(left[0]);
    const failures = (await db.execute(sql`select username from sign_in_failures`)).rows;
    expect(failures).toEqual([{ username: 'someone' }]); // the one of a minute ago stays (it still counts for throttling)
  });
});
