/**
 * 登录 (decision 010). In demo mode the page says so plainly and lists the demo accounts, one click to fill them in.
 * After signing in it returns to the page the person was sent away from (`?next=`).
 */
import { ROLE_LABELS } from '@jixiao/core';
import type { SignInInfoDto } from '@jixiao/contract';
import { Alert, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { navigate, useLocation } from '../../../lib/router';
import { useApiQuery } from '../../../lib/query';
import { getSignInInfo, sessionKeys } from '../api';
import { signIn } from '../session';

interface Credentials {
  username: string;
  password: string;
}

/** Only a path on this site: `next=https://evil.example` must not become an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function DemoBanner({ info, onPick }: { info: SignInInfoDto; onPick: (username: string, password: string) => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      className="sign-in-demo"
      title="演示模式：本系统中的数据和账号仅供试用，请勿录入真实数据。"
      description={
        <>
          <Typography.Paragraph>以下演示账号的密码都是公开的，点击即可填入：</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="username"
            dataSource={info.demoAccounts}
            columns={[
              { title: '账号', dataIndex: 'username', render: (u: string, a) => <Button type="link" size="small" onClick={() => onPick(u, a.password)}>{u}</Button> },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', dataIndex: 'role', render: (r: keyof typeof ROLE_LABELS) => ROLE_LABELS[r] },
              { title: '密码', dataIndex: 'password', render: (p: string) => <code>{p}</code> },
            ]}
          />
        </>
      }
    />
  );
}

export function SignInPage() {
  const location = useLocation();
  const info = useApiQuery(sessionKeys.signInInfo(), () => getSignInInfo());
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = '登录 · jixiao 预算绩效管理';
  }, []);

  async function submit(values: Credentials) {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.username, values.password);
      navigate(safeNext(location.search.get('next')), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <Card title="登录 jixiao 预算绩效管理" className="sign-in-card">
        {error && <Alert type="error" showIcon title={error} className="sign-in-error" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} autoInsertSpace={false}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="sign-in-hint">
          忘记密码请联系管理员重置。连续输错 5 次需等待 15 分钟。
        </Typography.Paragraph>
      </Card>
      {info.data?.demo && <DemoBanner info={info.data} onPick={(username, password) => form.setFieldsValue({ username, password })} />}
    </div>
  );
}
