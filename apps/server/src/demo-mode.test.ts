/**
 * Demo accounts exist only in demo mode (decision 010): a data dir started as a demo and then started without it
 * keeps its data but not the accounts whose passwords are published, and the sign-in page no longer lists them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInInfoDtoSchema } from '@jixiao/contract';
import { DEMO_PASSWORD } from '@jixiao/services';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { openContext, type AppContext } from './context';

let dataDir: string | undefined;
let ctx: AppContext | undefined;

afterAll(async () => {
  await ctx?.store.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('demo mode', () => {
  it('seeds the demo accounts in demo mode and removes them when started without it', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jixiao-server-demo-'));
    ctx = await openContext({ dataDir, demo: true });
    const demo = createApp(ctx);
    expect(signInInfoDtoSchema.parse(await (await demo.request('/api/sign-in-info')).json()).demo).toBe(true);
    expect((await ctx.store.users.listUsers()).filter((u) => u.demo)).toHaveLength(5);
    await ctx.store.close();

    ctx = await openContext({ dataDir, demo: false });
    const real = createApp(ctx);
    expect(signInInfoDtoSchema.parse(await (await real.request('/api/sign-in-info')).json())).toEqual({ demo: false, demoAccounts: [] });
    expect(await ctx.store.users.listUsers()).toEqual([]);
    const signIn = await real.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
    expect(signIn.status).toBe(401);
    expect((await ctx.store.documents.listDocuments()).length).toBeGreaterThan(0); // the data stays
    expect((await ctx.store.audit.listAudit({ action: 'user.remove-demo', limit: 1, offset: 0 })).total).toBe(1);
  });
});
