/**
 * The user form (new user, or role and scope of an existing one): unit roles pick their department (街道), a
 * third-party reviewer the departments assigned to them; district-wide roles need neither.
 */
import { ROLE_LABELS, type Role } from '@jixiao/core';
import type { DepartmentDto } from '@jixiao/contract';
import { Form, Input, Select } from 'antd';

export interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: number;
  assignedDepartmentIds?: number[];
}

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UserFields({ departments, isNew }: { departments: DepartmentDto[]; isNew: boolean }) {
  const options = departments.map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      {isNew && (
        <Form.Item label="用户名（登录用）" name="username" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/, message: '2–50 个英文字母、数字、点、下划线或连字符' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input />
      </Form.Item>
      {isNew && (
        <Form.Item label="初始密码" name="password" rules={[{ required: true, min: 8, message: '至少 8 个字符' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item noStyle dependencies={['role']}>
        {({ getFieldValue }) => {
          const role = getFieldValue('role') as Role | undefined;
          if (role === 'unit-editor' || role === 'unit-approver') {
            return (
              <Form.Item label="所属部门（街道）" name="departmentId" rules={[{ required: true, message: '单位角色必须选择部门' }]}>
                <Select options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="选择部门" />
              </Form.Item>
            );
          }
          if (role === 'third-party-reviewer') {
            return (
              <Form.Item label="负责的部门" name="assignedDepartmentIds" extra="第三方评审只能看到这里选择的部门">
                <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="选择部门" />
              </Form.Item>
            );
          }
          return null;
        }}
      </Form.Item>
    </>
  );
}
