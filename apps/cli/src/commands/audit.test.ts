/**
 * `jixiao audit verify` as an operator runs it (real processes on a temp JIXIAO_DATA_DIR): intact after imports of
 * the seed documents (each import is audited), `--json`, and exit 1 naming the entry once one was changed behind the
 * triggers' back.
 */
import { join } from 'node:path';
import { openStore } from '@jixiao/store';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SEED_002, SEEDS, useCliSandbox } from '../testing/run-cli';

describe('jixiao audit verify', () => {
  const cli = useCliSandbox('jixiao-audit-');

  it('says the chain is intact after imports, as text and as JSON (exit 0)', async () => {
    expect((await cli.run(['import', SEED_002, '--year', '2024'])).code).toBe(0);
    expect((await cli.run(['import', join(SEEDS, '000_33f7e9c75c02529b.txt'), '--year', '2024'])).code).toBe(0);
    const text = await cli.run(['audit', 'verify']);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(/^审计记录链完整：2 条\n最后一条的哈希：[0-9a-f]{64}\n$/);
    const json = await cli.run(['audit', 'verify', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, count: 2, legacy: 0, lastHash: text.stdout.match(/[0-9a-f]{64}/)![0] });
  });

  it('refuses a missing or unknown sub-command with exit 2', async () => {
    for (const args of [['audit'], ['audit', 'check']]) {
      const run = await cli.run(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('jixiao audit verify');
    }
  });

  it('names the changed entry (id, time, action, reason) and exits 1', async () => {
    const store = await openStore({ dataDir: cli.dataDir });
    let first: number;
    try {
      const rows = (await store.db.execute(sql`select id from audit_events order by id`)) as unknown as { rows: { id: number | string }[] };
      first = Number(rows.rows[0]!.id);
      await store.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger user`);
        await tx.execute(sql`update audit_events set actor_display_name = '别人' where id = ${first}`);
        await tx.execute(sql`alter table audit_events enable trigger user`);
      });
    } finally {
      await store.close();
    }
    const run = await cli.run(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^审计记录链不完整 \\(audit chain broken\\)：第 ${first} 条记录（\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d，document\\.import）：内容被改动`));
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    const json = await cli.run(['audit', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, count: 0, firstBrokenId: first, action: 'document.import', kind: 'content' });
  });
});
