import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { rows } from './db/client';
import { JOB_DEFINITIONS } from './jobs/definitions';
import { addressKey, purgeExpiredRateLimits } from './lib/rate-limit';
import { ApiClient, type ApiResponse, startTestApp, TEST_PASSWORD, type TestApp } from './test/harness';

// The shipped defaults (10 failures per name, 30 per address, 20 inquiries per hour), not the
// harness's relaxed ones.
const DEFAULT_LIMITS = { LOGIN_RATE_LIMIT: '10', LOGIN_ADDRESS_RATE_LIMIT: undefined, INQUIRY_RATE_LIMIT: undefined };

const inquiry = {
  company: '辽源测试新材料有限公司',
  contactName: '王经理',
  phone: '13800001111',
  regionCode: '220400',
  message: '计划投资建设新材料生产基地，希望了解用地条件。',
};

let direct: TestApp; // no TRUST_PROXY: clients connect straight to the server
let behindProxy: TestApp; // TRUST_PROXY=127.0.0.1: the test client stands for the reverse proxy

beforeAll(async () => {
  direct = await startTestApp(DEFAULT_LIMITS);
  behindProxy = await startTestApp({ ...DEFAULT_LIMITS, TRUST_PROXY: '127.0.0.1' });
});

afterAll(async () => {
  await direct?.close();
  await behindProxy?.close();
});

// Each test starts with no counted hits.
beforeEach(async () => {
  await direct.database.db.execute(sql`delete from rate_limit_hits`);
  await behindProxy.database.db.execute(sql`delete from rate_limit_hits`);
});

const forwardedFor = (address: string) => ({ 'x-forwarded-for': address });

function submitInquiry(client: ApiClient, address?: string) {
  return client.request('POST', '/api/public/inquiries', inquiry, address ? forwardedFor(address) : {});
}

function signIn(client: ApiClient, username: string, password: string, address?: string) {
  return client.request('POST', '/api/auth/login', { username, password }, address ? forwardedFor(address) : {});
}

/** A real account's user name (signed in once by the harness, which does not count). */
async function accountOf(t: TestApp): Promise<string> {
  const { userId } = await t.signIn({ role: 'officer', regionCode: '220400' });
  const [row] = await rows<{ username: string }>(t.database.db, sql`select username from users where id = ${userId}`);
  return row!.username;
}

async function inquiryCount(t: TestApp): Promise<number> {
  const [row] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from inquiries`);
  return row!.n;
}

function expectRateLimited(res: ApiResponse) {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
}

describe('TRUST_PROXY', () => {
  it('without it, a rotating X-Forwarded-For does not escape the inquiry limit', async () => {
    const client = direct.client('en');
    const before = await inquiryCount(direct);
    for (let i = 1; i <= 20; i++) {
      const res = await submitInquiry(client, `198.51.100.${i}`);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const refused = await submitInquiry(client, '198.51.100.21');
    expectRateLimited(refused);
    expect(refused.body.title).toBe('Too many requests; try again later');
    expect(await inquiryCount(direct)).toBe(before + 20);
  });

  it('with TRUST_PROXY=127.0.0.1, the forwarded address is the client and each has its own bucket', async () => {
    const client = behindProxy.client();
    for (let i = 0; i < 20; i++) expect((await submitInquiry(client, '203.0.113.7')).status).toBe(201);
    expectRateLimited(await submitInquiry(client, '203.0.113.7'));
    // Another visitor behind the same proxy is not refused for the first one's submissions.
    expect((await submitInquiry(client, '203.0.113.8')).status).toBe(201);
    // A proxy appends the address it saw: the client cannot choose its bucket by adding its own entry.
    expectRateLimited(await submitInquiry(client, '10.9.9.9, 203.0.113.7'));
  });

  it('counts IPv6 clients by their /64, so rotating within it does not escape', async () => {
    const client = behindProxy.client();
    for (let i = 1; i <= 20; i++)
      expect((await submitInquiry(client, `2001:db8:5:6::${i.toString(16)}`)).status).toBe(201);
    expectRateLimited(await submitInquiry(client, '2001:db8:5:6:ffff:1:2:3'));
    expect((await submitInquiry(client, '2001:db8:5:7::1')).status).toBe(201);
  });

  it('a bad entry stops loadConfig and is named; good lists of addresses and CIDRs load', () => {
    for (const bad of ['10.0.0.0/33', 'true', 'proxy.internal', '::1/129', '10.0.0.1/']) {
      expect(() => loadConfig({ TRUST_PROXY: `127.0.0.1,${bad}` })).toThrow(
        new RegExp(`TRUST_PROXY: "${bad.replace(/[.*/]/g, '\\$&')}"`),
      );
    }
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,::1 ,fd00::/8,loopback' }).TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
  });
});

describe('sign-in limits', () => {
  it('one office behind one address: colleagues’ typos on 10 names do not refuse another user', async () => {
    const client = direct.client();
    for (let i = 0; i < 10; i++) expect((await signIn(client, `colleague${i}`, 'typo-password')).status).toBe(401);
    const colleague = await accountOf(direct);
    const res = await signIn(direct.client(), colleague, TEST_PASSWORD);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('spraying 40 user names from one address meets 429, whatever X-Forwarded-For says', async () => {
    const account = await accountOf(direct);
    const client = direct.client();
    const statuses: number[] = [];
    let last: ApiResponse | undefined;
    for (let i = 0; i < 40; i++) {
      last = await signIn(client, `victim${i}`, 'Password1', `192.0.2.${i + 1}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expectRateLimited(last!);
    // Past the address limit even a right password from that address waits (the limit is per address).
    expect((await signIn(direct.client(), account, TEST_PASSWORD)).status).toBe(429);
  });

  it('guessing one user name from many addresses meets 429, and other users still sign in', async () => {
    const target = await accountOf(behindProxy);
    const client = behindProxy.client();
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i++)
      statuses.push((await signIn(client, target.toUpperCase(), `guess${i}`, `192.0.2.${i}`)).status);
    // The account locks after 5 wrong passwords (423); the name's limit of 10 failures holds beyond it.
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(statuses.slice(0, 10).every((s) => s === 401 || s === 423)).toBe(true);
    const other = await accountOf(behindProxy);
    expect((await signIn(behindProxy.client(), other, TEST_PASSWORD, '192.0.2.1')).status).toBe(200);
  });

  it('a successful sign-in is not counted', async () => {
    const account = await accountOf(direct);
    for (let i = 0; i < 15; i++) expect((await signIn(direct.client(), account, TEST_PASSWORD)).status).toBe(200);
  });
});

describe('two instances over one database', () => {
  let second: FastifyInstance;
  let secondUrl: string;

  beforeAll(async () => {
    second = await buildApp({ database: direct.database, config: direct.config, logger: false });
    await second.listen({ port: 0, host: '127.0.0.1' });
    secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await second?.close();
  });

  it('share the inquiry counter: 20 accepted across both, the 21st refused by either', async () => {
    const clients = [direct.client(), new ApiClient(secondUrl)];
    for (let i = 0; i < 20; i++) expect((await submitInquiry(clients[i % 2]!)).status).toBe(201);
    expectRateLimited(await submitInquiry(clients[0]!));
    expectRateLimited(await submitInquiry(clients[1]!));
  });

  it('count a burst of parallel submissions exactly: 20 of 30 accepted', async () => {
    const clients = [direct.client(), new ApiClient(secondUrl)];
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => submitInquiry(clients[i % 2]!)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(20);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(10);
  });

  it('share the sign-in counters', async () => {
    const clients = [direct.client(), new ApiClient(secondUrl)];
    for (let i = 0; i < 10; i++)
      expect((await signIn(clients[i % 2]!, 'shared-name', 'wrong-password')).status).toBe(401);
    expectRateLimited(await signIn(clients[0]!, 'shared-name', 'wrong-password'));
    expectRateLimited(await signIn(clients[1]!, 'Shared-Name', 'wrong-password'));
  });
});

describe('address keys', () => {
  it('count IPv4 as itself, IPv4-mapped IPv6 as the IPv4 address, other IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:5:6::1')).toBe('2001:db8:5:6::/64');
    expect(addressKey('2001:0DB8:0005:0006:ffff:1:2:3')).toBe('2001:db8:5:6::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});

describe('purge of ended windows', () => {
  it('is a scheduled job and deletes only windows that have ended', async () => {
    expect(JOB_DEFINITIONS.map((j) => j.name)).toContain('rate-limits.purge');
    const db = direct.database.db;
    const now = new Date();
    const old = new Date(now.getTime() - 3 * 3_600_000).toISOString();
    await db.execute(sql`insert into rate_limit_hits (bucket, window_start, hits)
      select 'test:' || g, ${old}::timestamptz, 1 from generate_series(1, 30) g`);
    await signIn(direct.client(), 'purge-check', 'wrong-password');
    expect(await purgeExpiredRateLimits(db, now)).toBe(30);
    const left = await rows<{ bucket: string }>(db, sql`select bucket from rate_limit_hits`);
    expect(left.map((r) => r.bucket).sort()).toEqual(['login:address:127.0.0.1', 'login:user:purge-check']);
  });
});
