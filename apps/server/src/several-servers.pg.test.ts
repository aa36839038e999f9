/**
 * Several app servers on one PostgreSQL (issue 12 item 9, decision 023): two real `jixiao serve` processes on one
 * database share what must be shared — a session made through one is good on the other and signed out through
 * either; failed sign-ins through both count against one account; a period lock set through one holds on the
 * other; an import job started through one is followed and finished through the other, and of several jobs started
 * through both, each is run exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobDtoSchema, periodLocksDtoSchema, type JobDto } from '@jixiao/contract';
import { createDatabase, openStore } from '@jixiao/store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_SEEDS_DIR } from './context';
import { DEMO_PASSWORD } from '@jixiao/services';
import { startServeProcess, type ServeProcess } from './testing/serve-process';

let database: { url: string; drop(): Promise<void> };
let a: ServeProcess;
let b: ServeProcess;

beforeAll(async () => {
  database = await createDatabase(inject('databaseUrl'), `jixiao_servers_${process.pid}_${Date.now().toString(36)}`);
  const env = { DATABASE_URL: database.url, JIXIAO_DEMO: '1', JIXIAO_DATA_DIR: '' };
  // The first seeds the demo; the second starts on the seeded database, as a second server behind a proxy does.
  a = await startServeProcess(env);
  b = await startServeProcess(env);
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(server: ServeProcess, username: string, password = DEMO_PASSWORD): Promise<{ status: number; session: Session | null }> {
  const res = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) return { status: res.status, session: null };
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { status: 200, session: { cookie, csrf: body.csrfToken } };
}

function call(server: ServeProcess, session: Session, method: string, path: string, body?: BodyInit, json = true): Promise<Response> {
  const headers: Record<string, string> = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
  if (json && body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
}

function importJob(server: ServeProcess, session: Session, name: string): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(readFileSync(join(DEFAULT_SEEDS_DIR, '002_71a78aaa1661d207.pages-1-5.txt')))], name));
  form.set('year', '2026');
  return call(server, session, 'POST', '/api/import-jobs', form, false);
}

async function finished(server: ServeProcess, session: Session, id: number): Promise<JobDto> {
  for (let i = 0; i < 600; i++) {
    const job = jobDtoSchema.parse(await (await call(server, session, 'GET', `/api/jobs/${id}`)).json());
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not end`);
}

describe('two jixiao serve processes on one PostgreSQL', () => {
  it('share sessions: signed in through one, known to the other, signed out through the other', async () => {
    const { session } = await signIn(a, 'admin');
    expect((await call(b, session!, 'GET', '/api/session')).status).toBe(200);
    expect((await call(b, session!, 'DELETE', '/api/session')).status).toBe(204);
    expect((await call(a, session!, 'GET', '/api/session')).status).toBe(401);
  });

  it('count failed sign-ins through both against one account', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(i % 2 ? b : a, 'third-party', 'wrong-password')).status).toBe(401);
    // Five failures, split over the two servers: the account now waits, whichever server is asked.
    const next = await signIn(b, 'third-party');
    expect(next.status).toBe(429);
    expect((await signIn(a, 'third-party')).status).toBe(429);
  });

  it('share period locks: locked through one, locked on the other', async () => {
    const { session } = await signIn(a, 'finance-reviewer');
    const locked = await call(a, session!, 'PUT', '/api/period-locks', JSON.stringify({ period: '2026-03', locked: true, reason: '季度监控已汇总' }));
    expect(locked.status).toBe(200);
    const seen = periodLocksDtoSchema.parse(await (await call(b, session!, 'GET', '/api/period-locks')).json());
    expect(seen.locked.map((l) => l.period)).toContain('2026-03');
  });

  it('share jobs: started through one, followed and finished through the other; each of several runs once', async () => {
    const { session } = await signIn(a, 'jinhua-editor');
    const first = jobDtoSchema.parse(await (await importJob(a, session!, '两台服务器-0.txt')).json());
    const done = await finished(b, session!, first.id);
    expect(done).toMatchObject({ status: 'succeeded', result: { status: 'created', year: 2026 } });
    const started = await Promise.all([1, 2, 3, 4, 5, 6].map(async (i) => jobDtoSchema.parse(await (await importJob(i % 2 ? a : b, session!, `两台服务器-${i}.txt`)).json())));
    const ends = await Promise.all(started.map((j) => finished(j.id % 2 ? a : b, session!, j.id)));
    expect(ends.map((j) => j.status)).toEqual(ends.map(() => 'succeeded'));
    expect(ends.map((j) => j.result?.status)).toEqual(ends.map(() => 'created'));
    // Run once each: one attempt, by one of the two servers, and one audit entry per document.
    const store = await openStore({ databaseUrl: database.url });
    try {
      for (const job of [first, ...started]) {
        const stored = await store.jobs.get(job.id);
        expect(stored).toMatchObject({ attempts: 1, status: 'succeeded' });
        expect(stored?.claimedBy).toMatch(/:\d+$/);
      }
      for (const end of ends) {
        const audit = await store.audit.listAudit({ action: 'document.import', objectId: String(end.result!.documentId), limit: 10 });
        expect(audit.total).toBe(1);
        expect(audit.items[0]?.actor.username).toBe('jinhua-editor');
      }
    } finally {
      await store.close();
    }
  });
});
