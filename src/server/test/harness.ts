/* eslint-disable @typescript-eslint/no-explicit-any -- responses are the JSON of any route; each test asserts the shape it needs */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type Database, openDatabase } from '../db/client';
import { type Role, units, users } from '../db/schema';
import { hashPassword } from '../lib/password';
import { useAuditKey } from '../modules/audit/key';
import { seedDatabase } from '../seed';

export const TEST_PASSWORD = 'Test@12345';

/** The audit key of test processes (hex); a CLI a test starts gets it as AUDIT_KEY. */
export const TEST_AUDIT_KEY = createHash('sha256').update('zhaoshang test audit key').digest('hex');
useAuditKey(Buffer.from(TEST_AUDIT_KEY, 'hex'));

/**
 * A database for one test file: in-memory PGlite by default, or a fresh database on the server
 * named by TEST_DATABASE_URL (dropped afterwards). Migrated and seeded with regions and units.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await seedDatabase(database.db, { adminPassword: TEST_PASSWORD, demoPassword: TEST_PASSWORD, demo: false });
    return database;
  }
  const name = `zs_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await seedDatabase(database.db, { adminPassword: TEST_PASSWORD, demoPassword: TEST_PASSWORD, demo: false });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A signed-in (or anonymous) HTTP client with its own cookie and CSRF token. */
export class ApiClient {
  private cookie = '';
  csrf = '';
  constructor(
    readonly baseUrl: string,
    private lang = 'zh-CN',
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      headers: {
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    };
    const res = await fetch(this.baseUrl + path, init);
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair?.startsWith('zs_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json')
      ? await res.json()
      : type.startsWith('text/')
        ? await res.text()
        : Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: parsed as T };
  }
  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
  async login(username: string, password = TEST_PASSWORD) {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  baseUrl: string;
  config: Config;
  client(lang?: string): ApiClient;
  /** Creates a user in a new or named unit of `regionCode`, and returns a signed-in client. */
  signIn(options: {
    role: Role;
    regionCode: string;
    unitName?: string;
  }): Promise<ApiClient & { userId: string; unitId: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** Boots the real app on a random port over a fresh database; each test file builds its own world. */
export async function startTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    // checkpoints of this test's chain only, never the repository's ./data
    AUDIT_CHECKPOINT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-cp-')),
    // every test signs in from 127.0.0.1; rate-limit tests set the limits they exercise
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ADDRESS_RATE_LIMIT: '1000',
    ...overrides,
  });
  const app = await buildApp({ database, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return {
    app,
    database,
    baseUrl,
    config,
    client: (lang) => new ApiClient(baseUrl, lang),
    async signIn({ role, regionCode, unitName }) {
      const db = database.db;
      const name = unitName ?? `测试单位${++counter}-${randomBytes(3).toString('hex')}`;
      let [unit] = await db.select().from(units).where(eq(units.name, name));
      if (!unit) [unit] = await db.insert(units).values({ name, kind: 'centre', regionCode }).returning();
      const username = `u${++counter}_${randomBytes(4).toString('hex')}`;
      const [user] = await db
        .insert(users)
        .values({ username, displayName: username, role, unitId: unit!.id, passwordHash })
        .returning();
      const client = new ApiClient(baseUrl);
      const res = await client.login(username);
      if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
      return Object.assign(client, { userId: user!.id, unitId: unit!.id });
    },
    async close() {
      await app.close();
      await database.close();
      if (config.AUDIT_CHECKPOINT_DIR) fs.rmSync(config.AUDIT_CHECKPOINT_DIR, { recursive: true, force: true });
    },
  };
}
