/* eslint-disable @typescript-eslint/no-explicit-any -- API responses are JSON; each test asserts the shape it needs */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, chinaDate } from '../../../domain/reporting';
import { startTestApp, type ApiClient, type TestApp } from '../../test/harness';
import { project } from '../assessment/test-world';

type Client = ApiClient & { userId: string; unitId: string };

let t: TestApp;
let leader: Client; // 嘉兴市
let officer: Client; // 嘉兴市
let countyLeader: Client; // 秀洲区
let gansuLeader: Client;
const today = chinaDate(new Date());
const lastMonth = addMonths(today, -1);
const twoMonthsAgo = addMonths(today, -2);
const ids = { nanhuOverdue: '', xiuzhouOverdue: '', notDue: '', closedLate: '' };

async function ticket(projectId: string, title: string, dueDate: string): Promise<string> {
  const res = await officer.post('/api/services/tickets', {
    projectId,
    title,
    description: '用地指标协调',
    departmentId: officer.unitId,
    dueDate: today,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // Tickets cannot be raised with a past due date: move it back as time would have.
  await t.database.db.execute(
    sql`update service_tickets set due_date = ${dueDate}, opened_on = ${twoMonthsAgo} where id = ${res.body.id}`,
  );
  return res.body.id;
}

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.signIn({ role: 'leader', regionCode: '330400' });
  officer = await t.signIn({ role: 'officer', regionCode: '330400' });
  countyLeader = await t.signIn({ role: 'leader', regionCode: '330411' });
  gansuLeader = await t.signIn({ role: 'leader', regionCode: '620000' });
  const nanhu = (await project(officer, { hostRegionCode: '330402' })).id;
  const xiuzhou = (await project(officer, { hostRegionCode: '330411' })).id;
  ids.nanhuOverdue = await ticket(nanhu, '南湖项目供电接入', twoMonthsAgo);
  ids.xiuzhouOverdue = await ticket(xiuzhou, '秀洲项目规划许可', lastMonth);
  ids.notDue = await ticket(nanhu, '南湖项目环评', today); // due today: not overdue yet
  ids.closedLate = await ticket(xiuzhou, '秀洲项目道路', twoMonthsAgo);
  const closed = await officer.post(`/api/services/tickets/${ids.closedLate}/close`, {
    version: (await officer.get(`/api/services/tickets/${ids.closedLate}`)).body.version,
    resolution: '已完成',
  });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
});
afterAll(() => t.close());

describe('overdue service tickets on the dashboard', () => {
  it('counts the open tickets past their due date in the region, longest overdue first', async () => {
    const res = await leader.get('/api/dashboard');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.overdueTickets.count).toBe(2);
    expect(res.body.overdueTickets.items.map((i: any) => i.id)).toEqual([ids.nanhuOverdue, ids.xiuzhouOverdue]);
    expect(res.body.overdueTickets.items[0]).toMatchObject({
      title: '南湖项目供电接入',
      dueDate: twoMonthsAgo,
      department: { id: officer.unitId },
    });
  });

  it('narrows to the chosen region and to what the caller may see', async () => {
    const nanhu = await leader.get('/api/dashboard?region=330402');
    expect(nanhu.body.overdueTickets).toMatchObject({ count: 1, items: [{ id: ids.nanhuOverdue }] });
    const county = await countyLeader.get('/api/dashboard');
    expect(county.body.overdueTickets).toMatchObject({ count: 1, items: [{ id: ids.xiuzhouOverdue }] });
    const gansu = await gansuLeader.get('/api/dashboard');
    expect(gansu.body.overdueTickets).toEqual({ count: 0, items: [] });
    expect((await gansuLeader.get('/api/dashboard?region=330400')).status).toBe(404);
  });

  it('links to the same tickets on the services list (?overdue=true&hostRegion=)', async () => {
    const res = await leader.get('/api/services/tickets?overdue=true&hostRegion=330402');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: any) => [i.id, i.overdue])).toEqual([[ids.nanhuOverdue, true]]);
    const all = await leader.get('/api/services/tickets?hostRegion=330411');
    expect(all.body.items.map((i: any) => i.id).sort()).toEqual([ids.xiuzhouOverdue, ids.closedLate].sort());
  });
});
