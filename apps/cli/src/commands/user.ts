/**
 * `jixiao user`: the first admin of a real installation (there are no demo users outside demo mode), and user
 * administration from the command line — list, create, set-role (with scope), disable/enable, reset-password.
 * Every change goes into the audit trail under `cli:<operating-system user>`.
 */
import { ROLE_LABELS, type Role } from '@jixiao/core';
import { createUser, resetPassword, updateUser, type StoredUser } from '@jixiao/services';
import type { Store } from '@jixiao/store';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { readPassword } from '../read-password';
import { withStore } from '../store-env';

const USAGE = [
  'jixiao user list [--json]',
  'jixiao user create --username NAME --role ROLE [--name 姓名] [--department 部门] [--assigned 部门,部门] [--password-stdin]',
  'jixiao user set-role USERNAME --role ROLE [--department 部门] [--assigned 部门,部门]',
  'jixiao user disable USERNAME | jixiao user enable USERNAME',
  'jixiao user reset-password USERNAME [--password-stdin]',
];
const ROLES = Object.keys(ROLE_LABELS) as Role[];
const usage = () => new CliError(`用法 (usage):\n  ${USAGE.join('\n  ')}`, EXIT_BAD_INPUT);

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : undefined);

function role(value: string | undefined): Role {
  if (value && (ROLES as string[]).includes(value)) return value as Role;
  throw new CliError(`--role 只能是：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`, EXIT_BAD_INPUT);
}

/** A department by id or by (part of) its name; exactly one must match. */
async function departmentId(store: Store, text: string): Promise<number> {
  const all = await store.catalog.listDepartmentNames();
  const found = /^\d+$/.test(text) ? all.filter((d) => d.id === Number(text)) : all.filter((d) => d.name.includes(text));
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0) throw new CliError(`找不到部门「${text}」。可用部门：${all.map((d) => `${d.id} ${d.name}`).join('；') || '（还没有导入任何文档）'}`, EXIT_BAD_INPUT);
  throw new CliError(`「${text}」对应多个部门：${found.map((d) => `${d.id} ${d.name}`).join('；')}，请写得更具体或用编号。`, EXIT_BAD_INPUT);
}

async function scope(store: Store, values: Record<string, string | boolean | undefined>) {
  const department = str(values.department);
  const assigned = str(values.assigned);
  return {
    departmentId: department ? await departmentId(store, department) : null,
    assignedDepartmentIds: assigned ? await Promise.all(assigned.split(/[,，、]/).filter(Boolean).map((d) => departmentId(store, d.trim()))) : [],
  };
}

async function userNamed(store: Store, username: string | undefined): Promise<StoredUser> {
  if (!username) throw usage();
  const found = await store.users.findForSignIn(username.toLowerCase());
  if (!found) throw new CliError(`找不到用户 ${username}。用 jixiao user list 查看全部用户。`, EXIT_BAD_INPUT);
  return found.user;
}

const line = (u: StoredUser) => `  ${u.username.padEnd(20)} ${u.displayName}  ${ROLE_LABELS[u.role]}${u.departmentId ? `  部门 ${u.departmentId}` : ''}${u.assignedDepartmentIds.length ? `  负责部门 ${u.assignedDepartmentIds.join(',')}` : ''}${u.disabled ? '  已停用' : ''}${u.demo ? '  演示' : ''}`;

export const userCommand: Command = {
  name: 'user',
  usage: USAGE.join('\n       '),
  help: [
    `角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}。`,
    '单位填报人、单位负责人须用 --department 指定所属部门（编号或名称中的一段，如 金花）；第三方评审用 --assigned 指定负责的部门。',
    '密码不能写在命令行上：在终端中会提示输入（不显示）；脚本中用 --password-stdin 从标准输入读取。密码至少 8 个字符。',
    '停用或重置密码后，该用户的所有登录立即失效。每项修改都记入审计日志（操作人为 cli:<系统用户名>）。',
    '数据库同 jixiao import（DATABASE_URL 或 JIXIAO_DATA_DIR）。退出码：0 成功，2 参数有误，1 其他错误。',
  ],
  options: {
    username: { type: 'string', describe: '登录名（create），例如 zhangsan' },
    name: { type: 'string', describe: '显示的姓名（create），例如 张三' },
    role: { type: 'string', describe: '角色（create、set-role），见上文的角色列表' },
    department: { type: 'string', describe: '单位填报人、单位负责人所属的部门：编号或名称中的一段，例如 金花' },
    assigned: { type: 'string', describe: '第三方评审负责的部门，逗号分隔，例如 金花,多宝' },
    'password-stdin': { type: 'boolean', describe: '从标准输入读取密码（脚本用；默认在终端中提示输入）' },
    json: { type: 'boolean', describe: '输出 JSON 而不是中文摘要' },
  },
  async run({ positionals, values }, io) {
    const [sub, target] = positionals;
    switch (sub) {
      case 'list': {
        const users = await withStore(io, (store) => store.users.listUsers());
        if (values.json) printJson(io, users);
        else io.stdout.write(`${users.length ? users.map(line).join('\n') : '  （还没有用户）'}\n`);
        return;
      }
      case 'create': {
        const username = str(values.username);
        if (!username) throw usage();
        const chosen = role(str(values.role));
        const password = await readPassword(io, values['password-stdin'] === true);
        const user = await withStore(io, async (store) =>
          createUser({ store }, io.change(), { username, displayName: str(values.name) || username, password, role: chosen, ...(await scope(store, values)) }),
        );
        if (values.json) return printJson(io, user);
        io.stdout.write(`已新建用户 ${user.username}（${ROLE_LABELS[user.role]}）\n`);
        return;
      }
      case 'set-role': {
        const chosen = role(str(values.role));
        const user = await withStore(io, async (store) => updateUser({ store }, io.change(), (await userNamed(store, target)).id, { role: chosen, ...(await scope(store, values)) }));
        if (values.json) return printJson(io, user);
        io.stdout.write(`已将 ${user.username} 设为${ROLE_LABELS[user.role]}\n`);
        return;
      }
      case 'disable':
      case 'enable': {
        const user = await withStore(io, async (store) => updateUser({ store }, io.change(), (await userNamed(store, target)).id, { disabled: sub === 'disable' }));
        if (values.json) return printJson(io, user);
        io.stdout.write(`${sub === 'disable' ? '已停用' : '已启用'} ${user.username}\n`);
        return;
      }
      case 'reset-password': {
        const password = await readPassword(io, values['password-stdin'] === true);
        await withStore(io, async (store) => resetPassword({ store }, io.change(), (await userNamed(store, target)).id, password));
        if (values.json) return printJson(io, { username: target, passwordReset: true });
        io.stdout.write(`已重置 ${target} 的密码；其所有登录已失效\n`);
        return;
      }
      default:
        throw usage();
    }
  },
};
