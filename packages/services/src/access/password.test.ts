import { describe, expect, it } from 'vitest';
import { checkNewPassword, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the same password', async () => {
    const a = await hashPassword('正确的密码-1');
    const b = await hashPassword('正确的密码-1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('正确的密码-1', a)).toBe(true);
    expect(await verifyPassword('正确的密码-2', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'bcrypt$2b$10$abc', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('refuses passwords too short or too long in Chinese', () => {
    expect(() => checkNewPassword('1234567')).toThrow(/至少 8 个字符/);
    expect(() => checkNewPassword('x'.repeat(201))).toThrow(/最多 200 个字符/);
    expect(() => checkNewPassword('12345678')).not.toThrow();
  });
});
