import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy';

const en = (p: string, username = 'liaoyuan.officer', minLength?: number) =>
  passwordProblems(p, { username, minLength }).map((x) => x.en);

describe('password policy', () => {
  it('refuses the passwords the old rule let through', () => {
    expect(en('password1')).not.toEqual([]);
    expect(en('liaoyuan.officer1')).toContain('The password may not contain the username');
    expect(en('Admin2025!')).toContain('The password needs at least 12 characters');
  });

  it('refuses common and guessable passwords of full length', () => {
    expect(en('password1234')).toContain(
      'The password is too common or too easy to guess; use a longer, less predictable one',
    );
    expect(en('qwertyuiop123')).not.toEqual([]);
    expect(en('aaaaaaaaaaaaaaaa')).not.toEqual([]);
  });

  it('accepts a long unpredictable password', () => {
    expect(en('Kettle-Orbit-Plum-42')).toEqual([]);
    expect(en('Admin@e2e2025', 'admin')).toContain('The password may not contain the username');
  });

  it('honours a higher policy minimum, never a lower one', () => {
    expect(en('Kettle-Orbit-Plum-42', 'x.y', 24)).toContain('The password needs at least 24 characters');
    expect(en('Kettle-Orbit-Plum-42', 'x.y', 6)).toEqual([]);
    expect(en('Kettle-Orb7', 'x.y', 6)).toContain('The password needs at least 12 characters');
  });

  it('gives every reason in both languages', () => {
    for (const p of passwordProblems('short', { username: 'u' })) {
      expect(p.zh).toMatch(/密码/);
      expect(p.en).toMatch(/password/i);
    }
  });
});
