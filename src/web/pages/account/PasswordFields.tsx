import { CheckCircleOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useT } from '../../i18n';

/** The defaults of the security policy; the server holds the policy in force and has the last word. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_HISTORY = 5;

/** The password policy as a list a person can check their choice against. */
export function PasswordPolicy() {
  const t = useT();
  const rules = [
    t('password.policy.length', { min: PASSWORD_MIN_LENGTH }),
    t('password.policy.username'),
    t('password.policy.history', { count: PASSWORD_HISTORY }),
    t('password.policy.common'),
  ];
  return (
    <div
      style={{ background: '#f5f8fc', borderRadius: 6, padding: '10px 14px', marginBottom: 16 }}
      data-testid="password-policy"
    >
      <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('password.policy.title')}</div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, color: '#4b5563' }}>
        {rules.map((rule) => (
          <li key={rule}>
            <CheckCircleOutlined style={{ color: '#1559b8', marginRight: 6 }} />
            {rule}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Current password, new password and its confirmation, for a Form with fields `currentPassword`,
 * `newPassword` and `confirm`. Checks here only what needs no server (length, username, the two
 * entries agreeing); the server's reasons (history, too easy to guess) land under the field.
 */
export function PasswordFields({ username }: { username: string }) {
  const t = useT();
  const required = { required: true, message: t('common.required') };
  return (
    <>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[required]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          required,
          { min: PASSWORD_MIN_LENGTH, message: t('password.policy.length', { min: PASSWORD_MIN_LENGTH }) },
          {
            validator: (_, value: string | undefined) =>
              value && username && value.toLowerCase().includes(username.toLowerCase())
                ? Promise.reject(new Error(t('password.policy.username')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
