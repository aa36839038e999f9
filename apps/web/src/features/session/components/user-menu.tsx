/** The header's right end: who is signed in (name and role), 修改密码 and 退出. */
import { ROLE_LABELS } from '@jixiao/core';
import type { SessionDto } from '@jixiao/contract';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { signOut } from '../session';
import { ChangePasswordModal } from './change-password-modal';

export function UserMenu({ session }: { session: SessionDto }) {
  const [changing, setChanging] = useState(false);
  return (
    <Space className="app-user" size={4}>
      {session.demo && <Tag color="orange">演示模式</Tag>}
      <span className="app-user-name" data-testid="current-user">
        {session.user.displayName}
      </span>
      <Tag>{ROLE_LABELS[session.user.role]}</Tag>
      <Button type="link" size="small" onClick={() => setChanging(true)}>
        修改密码
      </Button>
      <Button type="link" size="small" onClick={() => void signOut()} autoInsertSpace={false}>
        退出
      </Button>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Space>
  );
}
