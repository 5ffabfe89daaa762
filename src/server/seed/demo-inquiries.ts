import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../db/client';
import { buildings, meta, parcels, regions } from '../db/schema';
import { recordAudit } from '../modules/audit/service';
import { actingAs, demoStepDue } from './demo-steps';
import { acceptInquiry, declineInquiry, listInquiries, submitInquiry } from '../modules/portal/service';

const SEED_KEY = 'seed.inquiries.v1';
const LIAOYUAN_PATH = '/000000/220000/220400/';

/** The first published item on offer in 辽源 of a kind, by code (the demo library is deterministic). */
async function liaoyuanItem(db: Db, kind: 'parcel' | 'building') {
  const table = kind === 'parcel' ? parcels : buildings;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .innerJoin(regions, eq(regions.code, table.regionCode))
    .where(and(eq(table.published, true), eq(table.status, 'available'), like(regions.path, `${LIAOYUAN_PATH}%`)))
    .orderBy(asc(table.code))
    .limit(1);
  return row ? { kind, id: row.id } : null;
}

/**
 * Three investor inquiries in 辽源 through the portal's own service: one new, one accepted as a
 * project in 洽谈 by the city's officer, one declined with a reason. Only in a database seeded with
 * the demo world, once (a marker in `meta`), also for a demo database seeded before the portal.
 */
export async function seedDemoInquiries(db: Db): Promise<void> {
  if (!(await demoStepDue(db, SEED_KEY))) return;
  await db.transaction(async (tx) => {
    const officer = await actingAs(tx, 'liaoyuan.officer');
    if (!officer) return;
    const contact = { email: null, industry: null, investmentWan: null, landMu: null, regionCode: null, item: null };

    await submitInquiry(tx, {
      ...contact,
      company: '深圳市鹏远储能科技有限公司',
      contactName: '林志强',
      phone: '13760001234',
      email: 'lin.zq@example.com',
      industry: '新型储能',
      investmentWan: '30000',
      landMu: '100',
      item: await liaoyuanItem(tx, 'parcel'),
      regionCode: '220400',
      message: '拟在东北布局储能电池模组生产基地，一期用地约100亩，希望了解该地块的供地方式、价格和配套条件。',
    });

    const accepted = await submitInquiry(tx, {
      ...contact,
      company: '长春恒达汽车零部件有限公司',
      contactName: '赵敏',
      phone: '0431-85551234',
      industry: '汽车零部件',
      investmentWan: '12000',
      item: await liaoyuanItem(tx, 'building'),
      regionCode: '220400',
      message: '计划租用标准厂房建设汽车线束生产线，需层高8米以上、可进重型货车，希望尽快实地考察。',
    });

    const declined = await submitInquiry(tx, {
      ...contact,
      company: '大連海潤化工有限公司',
      contactName: '孫海 sun hai',
      phone: '13904111234',
      industry: '化工',
      investmentWan: '50000',
      landMu: '300',
      regionCode: '220421',
      message: '擬投資建設年產十萬噸基礎化工原料項目，需用地約300畝，請告知園區准入條件。',
    });

    const inquiryOf = async (reference: string) => {
      const list = await listInquiries(tx, officer, { q: reference, page: 1, pageSize: 1 });
      return list.items[0]!;
    };
    const toAccept = await inquiryOf(accepted.reference);
    await acceptInquiry(tx, officer, toAccept.id, {
      version: toAccept.version,
      name: '恒达汽车线束生产线项目',
      totalInvestmentWan: '12000',
      sourceChannel: '投资者门户',
      industryDivision: '36',
    });
    const toDecline = await inquiryOf(declined.reference);
    await declineInquiry(tx, officer, toDecline.id, {
      version: toDecline.version,
      reason: '拟建项目属高耗能基础化工，不符合东丰县产业准入要求；已建议对接省内化工园区。',
    });

    await tx.insert(meta).values({ key: SEED_KEY, value: { at: new Date().toISOString() } });
    await recordAudit(tx, {
      actorId: null,
      action: 'seed.inquiries',
      entity: 'system',
      entityId: SEED_KEY,
      regionCode: null,
      after: { inquiries: 3 },
    });
  });
}
