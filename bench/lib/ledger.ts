/**
 * The ledger import bench (issue #4: "import of 10,000 ledger rows ≤ 10 s"). As an officer does
 * it: download the import template as the bench user, fill one project a row from row 3 under
 * its headers (host regions picked from the template's own list; a quarter of the investors
 * named by the name of an enterprise already registered, most others new with their credit code,
 * some twice, some rows with no investor yet), upload it to POST /api/projects/import over HTTP
 * and time the request end to end. Then check every row is in the database, and delete what the
 * import wrote (projects with everything hanging off them, the new enterprises, the coordination
 * notices, the code counters' advance) so the next run reads the same data. The audit log is
 * append-only: its rows stay.
 */
import ExcelJS from 'exceljs';
import { makeCreditCode } from '../../src/domain/credit-code';
import { foldName } from '../../src/domain/names';
import { SOURCE_CHANNELS } from '../../src/domain/project-fields';
import { chinaDate } from '../../src/domain/reporting';
import { hashString, Rng } from '../generator/random';
import {
  GIVEN_NAMES,
  INDUSTRY_THEMES,
  LEGAL_FORMS,
  PHASES,
  SURNAMES,
  TRADE_NAME_FIRST,
  TRADE_NAME_SECOND,
} from '../generator/vocabulary';
import type { BenchUser } from './context';
import type { RawDriver } from './sql';

export const IMPORT_BENCH_NAME = 'import 10,000 ledger rows';
export const IMPORT_GOAL_ROWS = 10_000;
export const IMPORT_GOAL_SEC = 10;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const THEME_WEIGHTS = INDUSTRY_THEMES.map((t, i) => [i, t.weight] as const);

export interface ImportBenchResult {
  name: string;
  rows: number;
  status: 'ok' | 'failed';
  detail?: string;
  httpStatus?: number;
  /** What the API said it created, and how many ledger rows were then found in the database. */
  created?: number;
  verified?: number;
  fileBytes?: number;
  investors?: { existing: number; new: number; none: number };
  /** Filling the template (client side), the upload and import (the timed figure), the clean-up. */
  buildSec?: number;
  importSec?: number;
  cleanupSec?: number;
}

export interface ImportSession {
  baseUrl: string;
  headers: Record<string, string>;
}

type Cells = Record<string, string | number>;

interface Ledger {
  rows: Cells[];
  investors: { existing: number; new: number; none: number };
}

const roundWan = (v: number) => (v >= 10_000 ? Math.round(v / 100) * 100 : Math.max(10, Math.round(v / 10) * 10));

/** Enterprises of the user's scope a ledger may name by name alone (the name is theirs only, and already folded). */
async function nameableEnterprises(driver: RawDriver, user: BenchUser): Promise<string[]> {
  const { rows } = await driver.query(
    `select name from enterprises where region_code in (select code from regions where path like $1)
     group by name having count(*) = 1 order by md5(name) limit 2000`,
    [user.pathPattern],
  );
  return rows.map((r) => String(r.name)).filter((n) => foldName(n) === n);
}

/** Valid credit codes and names no enterprise holds yet, drawn from the seed. */
async function freshEnterprises(
  driver: RawDriver,
  seed: number,
  count: number,
): Promise<{ name: string; code: string }[]> {
  const out: { name: string; code: string }[] = [];
  const codes = new Set<string>();
  const names = new Set<string>();
  for (let round = 0; out.length < count && round < 10; round++) {
    const batch: { name: string; code: string }[] = [];
    for (let i = 0; batch.length < (count - out.length) * 1.1 + 10; i++) {
      const rng = Rng.for(seed, `ledger-enterprise-${round}`, i);
      const code = makeCreditCode(hashString(`${seed}|${round}|${i}`));
      const theme = INDUSTRY_THEMES[rng.weighted(THEME_WEIGHTS)]!;
      let trade = rng.pick(TRADE_NAME_FIRST) + rng.pick(TRADE_NAME_SECOND);
      if (rng.chance(0.5)) trade += rng.pick(TRADE_NAME_SECOND);
      const name = `${rng.pick(['北京', '上海', '深圳', '天津', '苏州', '杭州', '青岛', '沈阳', ''])}${trade}${rng.pick(theme.words)}${rng.weighted(LEGAL_FORMS)}`;
      if (codes.has(code) || names.has(name)) continue;
      codes.add(code);
      names.add(name);
      batch.push({ name, code });
    }
    const { rows } = await driver.query(
      `select credit_code, name from enterprises where credit_code = any($1::text[]) or name = any($2::text[])`,
      [batch.map((b) => b.code), batch.map((b) => b.name)],
    );
    const taken = new Set(rows.flatMap((r) => [String(r.credit_code), String(r.name)]));
    for (const b of batch) if (out.length < count && !taken.has(b.code) && !taken.has(b.name)) out.push(b);
  }
  if (out.length < count) throw new Error(`could not draw ${count} unused credit codes`);
  return out;
}

/** The ledger's rows, by the template's Chinese headers. */
async function ledgerRows(
  driver: RawDriver,
  user: BenchUser,
  regions: readonly string[],
  count: number,
  seed: number,
): Promise<Ledger> {
  const known = await nameableEnterprises(driver, user);
  const fresh = await freshEnterprises(driver, seed, count);
  const usedFresh: { name: string; code: string }[] = [];
  const investors = { existing: 0, new: 0, none: 0 };
  const rows: Cells[] = [];
  for (let i = 0; i < count; i++) {
    const rng = Rng.for(seed, 'ledger-row', i);
    const t = INDUSTRY_THEMES[rng.weighted(THEME_WEIGHTS)]!;
    const total = roundWan(rng.logNormal(8000, 1.4));
    const row: Cells = {
      项目名称: '',
      '总投资(万元)': total,
      招商方式: rng.pick(SOURCE_CHANNELS),
      落地地区划代码: rng.pick(regions),
    };
    const who = rng.next();
    let trade = '';
    if (who < 0.25 && known.length > 0) {
      const name = rng.pick(known);
      row['投资企业名称'] = name;
      trade = name;
      investors.existing++;
    } else if (who < 0.85) {
      // Some investors bring a second project in the same ledger.
      let e = usedFresh.length > 0 && rng.chance(0.15) ? rng.pick(usedFresh) : undefined;
      if (!e) {
        e = fresh[usedFresh.length]!;
        usedFresh.push(e);
      }
      row['投资企业名称'] = e.name;
      row['统一社会信用代码'] = e.code;
      trade = e.name;
      investors.new++;
    } else {
      investors.none++;
    }
    const tradeName = trade
      .replace(/^(北京|上海|深圳|天津|苏州|杭州|青岛|沈阳|吉林省|吉林|辽源市|辽源)/u, '')
      .slice(0, 2);
    row['项目名称'] =
      `${tradeName || rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES)}${rng.pick(t.products)}${rng.pick(PHASES)}项目`;
    if (rng.chance(0.4)) row['项目阶段'] = rng.chance(0.3) ? '谋划' : '洽谈';
    if (rng.chance(0.08)) row['外资(万美元)'] = roundWan((total / 7.1) * (0.3 + rng.next() * 0.7));
    if (rng.chance(0.7)) row['固定资产投资(万元)'] = roundWan(total * (0.55 + rng.next() * 0.4));
    if (t.wanPerMu && rng.chance(0.8))
      row['用地需求(亩)'] = Math.max(5, Math.round(total / (t.wanPerMu * (0.6 + rng.next() * 0.8))));
    if (rng.chance(0.7)) row['新增就业(人)'] = Math.max(5, Math.round(total / (40 + rng.next() * 260)));
    if (rng.chance(0.5)) row['预计年税收(万元)'] = roundWan(total * (0.02 + rng.next() * 0.06));
    if (rng.chance(0.85)) row['行业大类代码'] = t.division;
    if (rng.chance(0.5)) row['责任领导'] = `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`;
    rows.push(row);
  }
  return { rows, investors };
}

/** The template, filled in: returns the file and the ledger it holds. */
async function buildLedger(session: ImportSession, driver: RawDriver, user: BenchUser, count: number, seed: number) {
  const res = await fetch(`${session.baseUrl}/api/projects/import-template`, { headers: session.headers });
  if (res.status !== 200) throw new Error(`import template: ${res.status} ${await res.text()}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0]!;
  const lists = book.worksheets.find((s) => s.name.startsWith('代码表'));
  const regions: string[] = [];
  lists?.getColumn(3).eachCell((cell, n) => {
    if (n > 1 && cell.value) regions.push(String(cell.value));
  });
  if (regions.length === 0) throw new Error('the import template lists no host regions');
  const ledger = await ledgerRows(driver, user, regions, count, seed);
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => column.set(String(cell.value).replace(/\*$/, ''), n));
  ledger.rows.forEach((values, i) => {
    const row = sheet.getRow(i + 3);
    for (const [header, value] of Object.entries(values)) {
      const n = column.get(header);
      if (!n) throw new Error(`the import template has no column ${header}`);
      row.getCell(n).value = value;
    }
  });
  return { file: Buffer.from(await book.xlsx.writeBuffer()), ledger };
}

function problemText(text: string): string {
  try {
    const p = JSON.parse(text) as { detail?: string; errors?: { field: string; en?: string }[] };
    return [p.detail, ...(p.errors ?? []).slice(0, 3).map((e) => `${e.field}: ${e.en ?? ''}`)]
      .filter(Boolean)
      .join(' — ');
  } catch {
    return text.slice(0, 200);
  }
}

/** Deletes what an import by `user` since `since` wrote, and puts the year's code counters back. */
async function cleanUp(driver: RawDriver, user: BenchUser, since: Date, counters: unknown[]): Promise<void> {
  await driver.transaction(async (tx) => {
    const { rows: created } = await tx.query(`select id from projects where created_by = $1 and created_at >= $2`, [
      user.id,
      since,
    ]);
    const ids = created.map((r) => String(r.id));
    const { rows: conflicts } = await tx.query(
      `select id, other_project_id from coordination_conflicts where project_id = any($1::uuid[])`,
      [ids],
    );
    const mentioned = [...ids, ...conflicts.flatMap((c) => [String(c.id), String(c.other_project_id)])];
    await tx.query(`delete from notifications where created_at >= $1 and entity_id = any($2::text[])`, [
      since,
      mentioned,
    ]);
    // Links, transitions, first reports, conflicts and summary facts go with the projects; the
    // summaries they added to are taken back down, which can leave a sum of nothing behind.
    await tx.query(`delete from projects where id = any($1::uuid[])`, [ids]);
    await tx.query(`delete from region_month_summary where count = 0 and amount = 0`);
    await tx.query(
      `delete from enterprises e where e.created_by = $1 and e.created_at >= $2
         and not exists (select 1 from project_enterprises pe where pe.enterprise_id = e.id)`,
      [user.id, since],
    );
    const year = Number(chinaDate(since).slice(0, 4));
    await tx.query(
      `update project_code_counters c set last = s.last
         from jsonb_to_recordset($1::jsonb) as s(year int, region_code text, last int)
        where c.year = s.year and c.region_code = s.region_code and c.last <> s.last`,
      [JSON.stringify(counters)],
    );
    await tx.query(
      `delete from project_code_counters c where c.year = $2 and not exists (
         select 1 from jsonb_to_recordset($1::jsonb) as s(year int, region_code text, last int)
          where s.year = c.year and s.region_code = c.region_code)`,
      [JSON.stringify(counters), year],
    );
  });
}

/** Builds, uploads, checks and removes one ledger of `count` rows. */
export async function benchImport(
  session: ImportSession,
  driver: RawDriver,
  user: BenchUser,
  count = IMPORT_GOAL_ROWS,
  seed = 2026,
): Promise<ImportBenchResult> {
  const result: ImportBenchResult = { name: IMPORT_BENCH_NAME, rows: count, status: 'failed' };
  const t0 = performance.now();
  const { file, ledger } = await buildLedger(session, driver, user, count, seed);
  result.buildSec = (performance.now() - t0) / 1000;
  result.fileBytes = file.length;
  result.investors = ledger.investors;

  const year = Number(chinaDate(new Date()).slice(0, 4));
  const { rows: counters } = await driver.query(
    `select year, region_code, last from project_code_counters where year = $1`,
    [year],
  );
  // Rows the server stamps at or after this instant are the import's (the database clock, as the rows use).
  const { rows: clock } = await driver.query(`select now() as now`);
  const since = new Date(clock[0]!.now as string | Date);
  try {
    const form = new FormData();
    form.append('file', new Blob([file], { type: XLSX }), '项目台账.xlsx');
    const started = performance.now();
    const res = await fetch(`${session.baseUrl}/api/projects/import`, {
      method: 'POST',
      headers: session.headers,
      body: form,
    });
    const text = await res.text();
    result.importSec = (performance.now() - started) / 1000;
    result.httpStatus = res.status;
    if (res.status !== 201) {
      result.detail = `${res.status} ${problemText(text)}`;
      return result;
    }
    result.created = (JSON.parse(text) as { created: number }).created;
    // Every ledger row is a project: same name (as the service folds it) and total investment, one for one.
    const { rows: found } = await driver.query(
      `select name, total_investment_wan::float8 as total from projects where created_by = $1 and created_at >= $2`,
      [user.id, since],
    );
    const key = (name: string, total: number) => `${name}|${Math.round(total * 100)}`;
    const wanted = new Map<string, number>();
    for (const r of ledger.rows) {
      const k = key(foldName(String(r['项目名称'])), Number(r['总投资(万元)']));
      wanted.set(k, (wanted.get(k) ?? 0) + 1);
    }
    let verified = 0;
    for (const r of found) {
      const k = key(String(r.name), Number(r.total));
      const left = wanted.get(k) ?? 0;
      if (left > 0) {
        wanted.set(k, left - 1);
        verified++;
      }
    }
    result.verified = verified;
    result.status = verified === count && result.created === count && found.length === count ? 'ok' : 'failed';
    if (result.status === 'failed') {
      result.detail = `created ${result.created}, found ${found.length} new projects, ${verified} matching the ledger`;
    }
    return result;
  } finally {
    const cleanupStarted = performance.now();
    await cleanUp(driver, user, since, counters);
    result.cleanupSec = (performance.now() - cleanupStarted) / 1000;
  }
}
