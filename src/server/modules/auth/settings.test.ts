import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';

const PG = 'postgres://zs@127.0.0.1:5432/zs';

describe('account settings', () => {
  it('loads the demo accounts by default on the embedded database only', () => {
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({ DATABASE_URL: PG }).SEED_DEMO).toBe(false);
    expect(loadConfig({ DATABASE_URL: PG, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });

  it('requires two-factor by default on PostgreSQL only; MFA_REQUIRED decides either way', () => {
    expect(loadConfig({}).MFA_REQUIRED).toBe(false);
    expect(loadConfig({ DATABASE_URL: PG }).MFA_REQUIRED).toBe(true);
    expect(loadConfig({ DATABASE_URL: PG, MFA_REQUIRED: 'false' }).MFA_REQUIRED).toBe(false);
    expect(loadConfig({ MFA_REQUIRED: 'true' }).MFA_REQUIRED).toBe(true);
  });

  it('idles sessions out after 30 minutes unless SESSION_IDLE_MINUTES says otherwise', () => {
    expect(loadConfig({}).SESSION_IDLE_MINUTES).toBe(30);
    expect(loadConfig({ SESSION_IDLE_MINUTES: '10' }).SESSION_IDLE_MINUTES).toBe(10);
  });

  it('refuses to start with a weak ADMIN_PASSWORD, naming the setting', () => {
    for (const weak of ['Admin2025', 'password1234', 'admin-Kettle-Orbit-42']) {
      expect(() => loadConfig({ ADMIN_PASSWORD: weak }), weak).toThrow(/ADMIN_PASSWORD/);
    }
    expect(loadConfig({ ADMIN_PASSWORD: 'Kettle-Orbit-Plum-42' }).ADMIN_PASSWORD).toBe('Kettle-Orbit-Plum-42');
  });
});
