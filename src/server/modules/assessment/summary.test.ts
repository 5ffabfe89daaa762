import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFacts, type Fact } from '../../../domain/indicators';
import { fromUnits, toUnits } from '../../../domain/money';
import { rows } from '../../db/client';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';
import { enterprise, project, report, sign, transition } from './test-world';

let t: TestApp;
let officer: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.signIn({ role: 'officer', regionCode: '330400' });
});
afterAll(() => t.close());

type Row = { region_code: string; basis: string; month: string; metric: string; count: number; amount: string };

const key = (r: { region_code: string; basis: string; month: string; metric: string }) =>
  `${r.region_code}|${r.basis}|${r.month}|${r.metric}`;

function normalise(list: Row[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of list) if (Number(r.count) !== 0) out[key(r)] = `${Number(r.count)}/${fromUnits(toUnits(r.amount))}`;
  return out;
}

async function maintained() {
  return normalise(
    await rows<Row>(
      t.database.db,
      sql`select region_code, basis, month, metric, count, amount::text as amount from region_month_summary`,
    ),
  );
}

/** A fresh computation in SQL: the same fact rule over every project, summed. */
async function freshSql() {
  return normalise(
    await rows<Row>(
      t.database.db,
      sql`select region_code, basis, month, metric, count(*)::int as count, sum(amount)::text as amount
          from zs_summary_facts_for(array(select id from projects)) group by 1, 2, 3, 4`,
    ),
  );
}

/** A fresh computation in TypeScript (src/domain/indicators.ts projectFacts) from the raw rows. */
async function freshTs() {
  const db = t.database.db;
  const projects = await rows<{
    id: string;
    host_region_code: string;
    stage: string;
    signing_date: string | null;
    registered_date: string | null;
    start_date: string | null;
    production_date: string | null;
    total: string;
    contract: string | null;
    fdi: string | null;
    industry_section: string | null;
    stalled_since: string | null;
    tags: string[] | string;
  }>(
    db,
    sql`select p.id, p.host_region_code, p.stage, p.signing_date::text as signing_date, p.registered_date::text as registered_date,
          p.start_date::text as start_date, p.production_date::text as production_date, p.total_investment_wan::text as total,
          p.contract_amount_wan::text as contract, p.foreign_investment_usd_wan::text as fdi, p.industry_section,
          p.stalled_since::text as stalled_since,
          coalesce((select array_agg(distinct tag) from project_enterprises pe join enterprises e on e.id = pe.enterprise_id,
            unnest(e.tags) tag where pe.project_id = p.id), '{}') as tags
        from projects p`,
  );
  const reports = await rows<{
    project_id: string;
    month: string;
    funds: string;
    is_current: boolean;
    version: number;
    late: boolean;
  }>(
    db,
    sql`select project_id, month, funds_in_place_wan::text as funds, is_current, version, late from progress_reports`,
  );
  const credits = await rows<{ project_id: string; region_code: string }>(
    db,
    sql`select project_id, region_code from coordination_credits`,
  );
  const facts: Fact[] = projects.flatMap((p) => {
    const tags = Array.isArray(p.tags) ? p.tags : p.tags.replace(/[{}]/g, '').split(',').filter(Boolean);
    return projectFacts({
      hostRegionCode: p.host_region_code,
      stage: p.stage,
      signingDate: p.signing_date,
      registeredDate: p.registered_date,
      startDate: p.start_date,
      productionDate: p.production_date,
      totalInvestmentWan: p.total,
      contractAmountWan: p.contract,
      foreignInvestmentUsdWan: p.fdi,
      industrySection: p.industry_section,
      stalledSince: p.stalled_since,
      chainId: null,
      onKeyChain: false,
      top500: tags.some((x) => ['fortune_global_500', 'china_top_500', 'private_top_500'].includes(x)),
      fortune500: tags.includes('fortune_global_500'),
      reports: reports
        .filter((r) => r.project_id === p.id)
        .map((r) => ({
          month: r.month,
          fundsInPlaceWan: r.funds,
          isCurrent: r.is_current,
          version: Number(r.version),
          late: r.late,
        })),
      creditedRegions: credits.filter((c) => c.project_id === p.id).map((c) => c.region_code),
    });
  });
  const sums = new Map<string, Row>();
  for (const f of facts) {
    const k = key({ region_code: f.regionCode, basis: f.basis, month: f.month, metric: f.metric });
    const r = sums.get(k) ?? {
      region_code: f.regionCode,
      basis: f.basis,
      month: f.month,
      metric: f.metric,
      count: 0,
      amount: '0',
    };
    r.count += f.count;
    r.amount = fromUnits(toUnits(r.amount) + toUnits(f.amount));
    sums.set(k, r);
  }
  return normalise([...sums.values()]);
}

describe('region_month_summary kept by triggers', () => {
  it('equals a fresh computation (SQL and TypeScript) after a mix of writes, and after a rebuild', async () => {
    const db = t.database.db;
    const plain = await enterprise(officer);
    const big = await enterprise(officer, ['china_top_500']);

    const a = await project(officer, {
      hostRegionCode: '330402',
      totalInvestmentWan: '120000',
      enterpriseIds: [big],
      industrySection: 'C',
      industryDivision: '26',
      foreignInvestmentUsdWan: '15000',
    });
    const b = await project(officer, { hostRegionCode: '330411', totalInvestmentWan: '6000', enterpriseIds: [plain] });
    const c = await project(officer, { hostRegionCode: '330402', totalInvestmentWan: '600000' });
    await project(officer, { hostRegionCode: '330411', totalInvestmentWan: '3000', stage: 'planned' });

    await sign(officer, a.id, '2024-03-10', '100000.5');
    await sign(officer, b.id, '2024-05-02');
    await sign(officer, c.id, '2024-03-20');
    await transition(officer, a.id, { to: 'registered', registeredDate: '2024-04-01' });
    await transition(officer, a.id, { to: 'started', startDate: '2024-05-01' });
    await report(officer, a.id, '2024-05', '1000.25');
    await report(officer, a.id, '2024-05', '1200.25', '财务复核后更正');
    await report(officer, b.id, '2024-06', '300');
    // An edit of a signed project's amount, a termination and a tag added on an investor.
    const bNow = await officer.get(`/api/projects/${b.id}`);
    expect(
      (await officer.patch(`/api/projects/${b.id}`, { version: bNow.body.version, totalInvestmentWan: '7000.5' }))
        .status,
    ).toBe(200);
    await transition(officer, c.id, { to: 'terminated', terminationReason: 'market_change' });
    const ent = await officer.get(`/api/enterprises/${plain}`);
    expect(
      (await officer.patch(`/api/enterprises/${plain}`, { version: ent.body.version, tags: ['fortune_global_500'] }))
        .status,
    ).toBe(200);
    // A transferred project that landed credits the first-negotiation region too (coordination writes these rows).
    await db.execute(sql`insert into coordination_credits (project_id, region_code, role, share, rule, source, landed_on)
      values (${a.id}, '330411', 'first', 1, 'equal', 'jiaxing §二(一)3', '2024-04-01'),
             (${a.id}, '330402', 'host', 1, 'equal', 'jiaxing §二(一)3', '2024-04-01')`);
    await db.execute(sql`update projects set stalled_since = '2024-09-01' where id = ${b.id}`);

    const now = await maintained();
    expect(now).toEqual(await freshSql());
    expect(now).toEqual(await freshTs());
    // Spot checks by hand: a signed 2024-03 in 330402 for 100000.5, credited to 330411.
    expect(now['330402|host|2024-03|signed']).toBe('1/100000.5');
    expect(now['330411|credit|2024-03|signed']).toBe('1/100000.5');
    expect(now['330402|host|2024-05|funds']).toBe('1/1200.25');
    expect(now['330411|host|2024-05|fortune500']).toBe('1/7000.5');
    expect(now['330402|host|2024-06|signed']).toBeUndefined(); // terminated
    expect(now['330411|host|current|stalled']).toBe('1/7000.5');

    await db.execute(sql`delete from coordination_credits where project_id = ${a.id}`);
    await db.execute(sql`delete from projects where id = ${c.id}`);
    const after = await maintained();
    expect(after['330411|credit|2024-03|signed']).toBeUndefined();
    expect(after).toEqual(await freshTs());

    await db.execute(sql`select zs_summary_rebuild()`);
    expect(await maintained()).toEqual(after);

    // TRUNCATE fires no row triggers: its own triggers keep the summary true.
    await db.execute(sql`truncate progress_reports`);
    expect((await maintained())['330402|host|2024-05|funds']).toBeUndefined();
    expect(await maintained()).toEqual(await freshTs());
    await db.execute(sql`truncate projects cascade`);
    expect(await maintained()).toEqual({});
  });

  it('takes concurrent writes to one region without a deadlock, and stays exact', async () => {
    // Half the projects go forward while the other half go back: each transaction moves the same two
    // stage counts of 330421 in opposite directions, the pattern that deadlocked on PostgreSQL when
    // the summary rows were locked in plan order.
    const list = await Promise.all(
      Array.from({ length: 16 }, () => project(officer, { hostRegionCode: '330421', totalInvestmentWan: '5000' })),
    );
    const back = list.slice(0, 8);
    const forward = list.slice(8);
    for (const p of back) await transition(officer, p.id, { to: 'intent' });
    const answers = await Promise.all([
      ...forward.map((p) => officer.post(`/api/projects/${p.id}/transitions`, { to: 'intent' })),
      ...back.map((p) => officer.post(`/api/projects/${p.id}/transitions`, { to: 'negotiating', reason: '并发测试' })),
      ...forward.map((p) =>
        officer.post(`/api/projects/${p.id}/reports`, {
          month: new Date().toISOString().slice(0, 7),
          text: '并发测试',
          substantiveProgress: true,
          fundsInPlaceWan: '10',
        }),
      ),
    ]);
    expect(answers.map((a) => a.status).filter((s) => s >= 300)).toEqual([]);
    const now = await maintained();
    expect(now['330421|host|current|stage:intent']).toBe('8/40000');
    expect(now['330421|host|current|stage:negotiating']).toBe('8/40000');
    expect(now).toEqual(await freshSql());
    expect(now).toEqual(await freshTs());
  });
});
