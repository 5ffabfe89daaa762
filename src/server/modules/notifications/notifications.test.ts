import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness';
import { notify, type NotifyInput } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const message = (n: number) => ({
  kind: 'test.message',
  title: { zh: `第${n}条通知`, en: `Notice ${n}` },
  body: { zh: `正文${n}`, en: `Body ${n}` },
  entity: 'project',
  entityId: `p-${n}`,
});

const send = (input: NotifyInput) => t.database.db.transaction((tx) => notify(tx, input));

describe('notifications', () => {
  it('lists mine newest first in my language with both languages, and counts the unread', async () => {
    const me = await t.signIn({ role: 'officer', regionCode: '220400' });
    const other = await t.signIn({ role: 'officer', regionCode: '220400' });
    for (const n of [1, 2, 3]) await send({ userIds: [me.userId], ...message(n) });
    await send({ userIds: [other.userId], ...message(9) });

    const zh = await me.get('/api/notifications');
    expect(zh.status).toBe(200);
    expect(zh.body.total).toBe(3);
    expect(zh.body.unread).toBe(3);
    expect(zh.body.items.map((n: { title: string }) => n.title)).toEqual(['第3条通知', '第2条通知', '第1条通知']);
    expect(zh.body.items[0]).toMatchObject({
      kind: 'test.message',
      body: '正文3',
      titleZh: '第3条通知',
      titleEn: 'Notice 3',
      bodyEn: 'Body 3',
      entity: 'project',
      entityId: 'p-3',
      readAt: null,
    });

    const en = await me.request('GET', '/api/notifications?pageSize=2&page=2', undefined, { 'accept-language': 'en' });
    expect(en.body.items.map((n: { title: string }) => n.title)).toEqual(['Notice 1']);
    expect(en.body.total).toBe(3);
    // A page past the end is empty but still says how many there are.
    expect((await me.get('/api/notifications?pageSize=2&page=3')).body).toMatchObject({
      items: [],
      total: 3,
      unread: 3,
    });
  });

  it("marks one read (204), counts it, and answers 404 for another user's notification", async () => {
    const me = await t.signIn({ role: 'officer', regionCode: '620100' });
    const other = await t.signIn({ role: 'officer', regionCode: '620100' });
    await send({ userIds: [me.userId], ...message(1) });
    await send({ userIds: [me.userId], ...message(2) });
    await send({ userIds: [other.userId], ...message(3) });
    const mine = (await me.get('/api/notifications')).body.items;
    const theirs = (await other.get('/api/notifications')).body.items[0];

    expect((await me.post(`/api/notifications/${mine[0].id}/read`)).status).toBe(204);
    const after = await me.get('/api/notifications');
    expect(after.body.unread).toBe(1);
    expect(after.body.items[0].readAt).toEqual(expect.any(String));
    const unread = await me.get('/api/notifications?unread=true');
    expect(unread.body.total).toBe(1);
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([mine[1].id]);

    const foreign = await me.post(`/api/notifications/${theirs.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await other.get('/api/notifications')).body.unread).toBe(1);
    expect((await me.post('/api/notifications/not-a-uuid/read')).status).toBe(400);
  });

  it('marks all read for me only', async () => {
    const me = await t.signIn({ role: 'officer', regionCode: '440700' });
    const other = await t.signIn({ role: 'officer', regionCode: '440700' });
    for (const n of [1, 2]) await send({ userIds: [me.userId, other.userId], ...message(n) });
    expect((await me.post('/api/notifications/read-all')).status).toBe(204);
    expect((await me.get('/api/notifications')).body).toMatchObject({ total: 2, unread: 0 });
    expect((await me.get('/api/notifications?unread=true')).body.items).toEqual([]);
    expect((await other.get('/api/notifications')).body.unread).toBe(2);
  });

  it('resolves recipients by unit (optionally by role) and by region and roles', async () => {
    const leader = await t.signIn({ role: 'leader', regionCode: '330400', unitName: '嘉兴通知测试单位' });
    const officer = await t.signIn({ role: 'officer', regionCode: '330400', unitName: '嘉兴通知测试单位' });
    const elsewhere = await t.signIn({ role: 'leader', regionCode: '3304Z1' });

    expect((await send({ unitId: leader.unitId, ...message(1) })).sort()).toEqual(
      [leader.userId, officer.userId].sort(),
    );
    expect(await send({ unitId: leader.unitId, roles: ['officer'], ...message(2) })).toEqual([officer.userId]);
    // the region itself, not its zones
    expect(await send({ regionCode: '330400', roles: ['leader'], ...message(3) })).toEqual([leader.userId]);
    expect(await send({ regionCode: '3304Z1', roles: ['leader', 'officer'], ...message(4) })).toEqual([
      elsewhere.userId,
    ]);

    expect((await leader.get('/api/notifications')).body.total).toBe(2);
    expect((await officer.get('/api/notifications')).body.total).toBe(2);
    expect((await elsewhere.get('/api/notifications')).body.items[0].title).toBe('第4条通知');
  });

  it('requires sign-in and the CSRF header', async () => {
    expect((await t.client().get('/api/notifications')).status).toBe(401);
    const me = await t.signIn({ role: 'viewer', regionCode: '220400' });
    me.csrf = '';
    expect((await me.post('/api/notifications/read-all')).status).toBe(403);
  });

  it('carries the request id on responses and echoes a given x-request-id', async () => {
    const me = await t.signIn({ role: 'viewer', regionCode: '220400' });
    const given = await me.request('GET', '/api/notifications', undefined, { 'x-request-id': 'ops-trace-7f3a' });
    expect(given.headers.get('x-request-id')).toBe('ops-trace-7f3a');
    const generated = await me.get('/api/notifications');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await t
      .client()
      .request('GET', '/api/notifications', undefined, { 'x-request-id': 'ops-trace-401' });
    expect(refused.headers.get('x-request-id')).toBe('ops-trace-401');
    expect(refused.body.requestId).toBe('ops-trace-401');
  });
});
