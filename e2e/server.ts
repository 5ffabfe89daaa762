import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Database, openDatabase } from '../src/server/db/client';
import { useAuditKey } from '../src/server/modules/audit/key';
import { seedDatabase } from '../src/server/seed';

export const ADMIN_PASSWORD = 'Admin@e2e2025';
export const DEMO_PASSWORD = 'Demo@e2e2025';
const WEB_DIR = 'dist/web';

export interface E2eServer {
  app: FastifyInstance;
  database: Database;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app serving the built web over a fresh, seeded in-memory database, on a random port. */
export async function startE2eServer(): Promise<E2eServer> {
  if (!fs.existsSync(`${WEB_DIR}/index.html`)) throw new Error(`${WEB_DIR} is not built: run \`npx vite build\` first`);
  // A key and a checkpoint directory of this run only: never the repository's ./data.
  useAuditKey(randomBytes(32));
  const database = await openDatabase({});
  await seedDatabase(database.db, { adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD, demo: true });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    AUDIT_CHECKPOINT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zs-e2e-audit-cp-')),
  });
  const app = await buildApp({ database, config, webDir: WEB_DIR, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    database,
    baseUrl,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Picks an option in the open Select / TreeSelect list. Only a list that has finished its open
 * animation is used: a click during the animation, or on a list still fading out, can miss the
 * option (or land on the one beneath it).
 */
export async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])')
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: text })
    .first()
    .click();
}

/**
 * One test file's app and browser: started before its tests, closed after them. `newPage` opens a
 * desktop-sized page in zh-CN, with a timeout a loaded 2-core CI machine can meet. A file that needs
 * data of its own adds a `beforeAll` after calling this (hooks run in the order they were added).
 */
export function e2eSuite(): { readonly server: E2eServer; newPage(): Promise<Page> } {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('e2eSuite: the server starts in beforeAll');
      return server;
    },
    async newPage() {
      if (!browser) throw new Error('e2eSuite: the browser starts in beforeAll');
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(45_000); // a loaded 2-core CI machine can take seconds per request
      return page;
    },
  };
}
