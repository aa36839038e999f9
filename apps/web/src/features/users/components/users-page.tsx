/**
 * 用户管理 (admins; the server refuses everyone else): every user with role and scope, 新建用户, 修改 (name, role,
 * scope), 停用/启用, 重置密码. Changing a role or scope, disabling or resetting ends that person's sessions.
 */
import { ROLE_LABELS } from '@jixiao/core';
import type { DepartmentDto, UserDto } from '@jixiao/contract';
import { App, Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/page-states';
import { PageHead } from '../../../components/page-head';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { departmentKeys, listDepartments } from '../../departments';
import { createUser, listUsers, resetUserPassword, updateUser, userKeys } from '../api';
import { UserFields, type UserFormValues } from './user-form';

function scopeText(user: UserDto, departments: DepartmentDto[]): string {
  const name = (id: number) => departments.find((d) => d.id === id)?.name.replace(/^.*人民政府/, '') ?? `部门 ${id}`;
  if (user.role === 'unit-editor' || user.role === 'unit-approver') return user.departmentId ? name(user.departmentId) : '（未设部门）';
  if (user.role === 'third-party-reviewer') return user.assignedDepartmentIds.map(name).join('、') || '（未分配部门）';
  return '全区';
}

export function UsersPage() {
  const invalidate = useInvalidate();
  const users = useApiQuery(userKeys.list(), (signal) => listUsers(signal));
  const departments = useApiQuery(departmentKeys.list({}), (signal) => listDepartments({}, signal));
  const [editing, setEditing] = useState<UserDto | 'new'>();
  const [resetting, setResetting] = useState<UserDto>();
  const [form] = Form.useForm<UserFormValues>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();

  useEffect(() => {
    document.title = '用户管理 · jixiao 预算绩效管理';
  }, []);

  function open(user: UserDto | 'new') {
    form.resetFields();
    if (user !== 'new') form.setFieldsValue({ displayName: user.displayName, role: user.role, ...(user.departmentId ? { departmentId: user.departmentId } : {}), assignedDepartmentIds: user.assignedDepartmentIds });
    setEditing(user);
  }

  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await action();
      void message.success(done);
      void invalidate(userKeys.all);
      return true;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  async function save() {
    const v = await form.validateFields();
    const scope = { departmentId: v.departmentId ?? null, assignedDepartmentIds: v.assignedDepartmentIds ?? [] };
    const ok =
      editing === 'new'
        ? await run(() => createUser({ username: v.username, displayName: v.displayName, password: v.password, role: v.role, ...scope }), `已新建用户 ${v.username}`)
        : editing && (await run(() => updateUser(editing.id, { displayName: v.displayName, role: v.role, ...scope }), '已保存'));
    if (ok) setEditing(undefined);
  }

  async function reset() {
    const { password } = await resetForm.validateFields();
    if (resetting && (await run(() => resetUserPassword(resetting.id, password), `已重置 ${resetting.username} 的密码`))) setResetting(undefined);
  }

  if (users.error) return <ErrorState error={users.error} onRetry={users.reload} />;
  const allDepartments = departments.data ?? [];
  return (
    <>
      <PageHead
        title="用户管理"
        sub="每个人只能看到其角色和部门允许的内容；修改角色、部门或停用后，该用户需要重新登录。"
        extra={
          <Button type="primary" onClick={() => open('new')}>
            新建用户
          </Button>
        }
      />
      <Table<UserDto>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: UserDto['role']) => ROLE_LABELS[r] },
          { title: '范围', key: 'scope', render: (_, u) => scopeText(u, allDepartments) },
          {
            title: '状态',
            key: 'state',
            render: (_, u) => (
              <Space size={4}>
                {u.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.demo && <Tag color="orange">演示</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => open(u)}>
                  修改
                </Button>
                <Button type="link" size="small" onClick={() => void run(() => updateUser(u.id, { disabled: !u.disabled }), u.disabled ? '已启用' : '已停用')}>
                  {u.disabled ? '启用' : '停用'}
                </Button>
                <Button type="link" size="small" onClick={() => (resetForm.resetFields(), setResetting(u))}>
                  重置密码
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal title={editing === 'new' ? '新建用户' : `修改用户 ${editing?.username ?? ''}`} open={editing !== undefined} onCancel={() => setEditing(undefined)} onOk={() => void save()} okText="保存" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false}>
          <UserFields departments={allDepartments} isNew={editing === 'new'} />
        </Form>
      </Modal>
      <Modal title={`重置 ${resetting?.username ?? ''} 的密码`} open={resetting !== undefined} onCancel={() => setResetting(undefined)} onOk={() => void reset()} okText="重置" cancelText="取消" destroyOnHidden>
        <Form form={resetForm} layout="vertical" requiredMark={false}>
          <Form.Item label="新密码" name="password" rules={[{ required: true, min: 8, message: '至少 8 个字符' }]} extra="该用户的所有登录会立即失效">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
