/**
 * `jixiao user` as an installer runs it (real processes on a temp JIXIAO_DATA_DIR, no demo): the first admin from
 * --password-stdin, list, a unit role needs a department, disable, reset-password; the password never appears in
 * the output or the audit trail, and the stored hash is scrypt.
 */
import { verifyPassword } from '@jixiao/services';
import { openStore } from '@jixiao/store';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../testing/run-cli';

describe('jixiao user', () => {
  // Every run has a standard input (empty unless given), as for an installer's script.
  const cli = useCliSandbox('jixiao-user-', '');

  it('creates the first admin from standard input and lists it', async () => {
    const created = await cli.run(['user', 'create', '--username', 'root', '--role', 'admin', '--name', '区财政局管理员', '--password-stdin'], 'a-long-secret-1\n');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain('已新建用户 root（管理员）');
    const list = await cli.run(['user', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ username: 'root', displayName: '区财政局管理员', role: 'admin', demo: false }]);
    expect(list.stdout).not.toContain('a-long-secret-1');
  });

  it('refuses bad input with one Chinese line and exit 2', async () => {
    const role = await cli.run(['user', 'create', '--username', 'x1', '--role', 'boss', '--password-stdin'], 'a-long-secret-1');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role 只能是/);
    const noDepartment = await cli.run(['user', 'create', '--username', 'x2', '--role', 'unit-editor', '--password-stdin'], 'a-long-secret-1');
    expect(noDepartment.code).toBe(2);
    expect(noDepartment.stderr).toMatch(/必须属于一个部门/);
    const short = await cli.run(['user', 'create', '--username', 'x3', '--role', 'admin', '--password-stdin'], 'short');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/至少 8 个字符/);
    const noTerminal = await cli.run(['user', 'create', '--username', 'x4', '--role', 'admin']);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/--password-stdin/);
    for (const run of [role, noDepartment, short, noTerminal]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('disables, resets the password, and audits each change under the operating-system user', async () => {
    expect((await cli.run(['user', 'disable', 'root'])).code).toBe(0);
    expect((await cli.run(['user', 'enable', 'root'])).code).toBe(0);
    expect((await cli.run(['user', 'reset-password', 'root', '--password-stdin'], 'another-secret-2')).code).toBe(0);
    expect((await cli.run(['user', 'disable', 'nobody'])).stderr).toMatch(/找不到用户 nobody/);

    const store = await openStore({ dataDir: cli.dataDir });
    try {
      const found = await store.users.findForSignIn('root');
      expect(found?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword('another-secret-2', found!.passwordHash)).toBe(true);
      expect(await verifyPassword('a-long-secret-1', found!.passwordHash)).toBe(false);
      const trail = await store.audit.listAudit({ objectType: 'user', limit: 10 });
      expect(trail.items.map((e) => e.action)).toEqual(['user.reset-password', 'user.update', 'user.disable', 'user.create']);
      expect(trail.items.every((e) => e.actor.username.startsWith('cli:') && e.requestId?.startsWith('cli-'))).toBe(true);
      expect(JSON.stringify(trail)).not.toMatch(/secret|scrypt/);
    } finally {
      await store.close();
    }
  });
});
