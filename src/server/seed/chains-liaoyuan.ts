import { eq } from 'drizzle-orm';
import { catalogEntries as catalogEntryList } from '../../domain/catalog';
import type { SegmentNeed, SegmentPosition, SegmentPriority, SegmentStrength } from '../../domain/chain-targets';
import type { Db } from '../db/client';
import { catalogEntries, chainSegments, chains, chainTeams, meta, segmentEnterprises, units } from '../db/schema';
import { recordAudit } from '../modules/audit/service';

/**
 * The eight Liaoyuan chains of liaoyuan §四, with the chain-owner enterprises, responsible units
 * and upstream / downstream / lateral directions the notice names, in its own words.
 *
 * The notice says what to attract, not how strong each segment is locally: a segment it tells the
 * city to "引进" is seeded as missing (补链) or weak (强链/延链), a resource or leading enterprise it
 * names as strong, and everything it names explicitly as 必须招. These are starting points that
 * the chain's lead unit confirms in the segment editor.
 */

interface SegmentSeed {
  position: SegmentPosition;
  name: string;
  strength: SegmentStrength;
  need?: SegmentNeed;
  priority?: SegmentPriority;
  divisions?: string[];
  keywords?: string[];
  owners?: string[];
  note?: string;
  children?: SegmentSeed[];
}

interface ChainSeed {
  name: string;
  nameEn: string;
  catalogEntryCode: string;
  source: string;
  description: string;
  /** 责任单位 as the clause lists them; the first that is a platform unit becomes the lead unit. */
  leadUnitNames: string[];
  segments: SegmentSeed[];
}

export const LIAOYUAN_CHAINS: ChainSeed[] = [
  {
    name: '袜业纺织产业链',
    nameEn: 'Socks and textiles chain',
    catalogEntryCode: 'liaoyuan.chain.socks-textile',
    source: 'liaoyuan §四(一)',
    description:
      '发挥北方袜业集团、德弘冰雪科技、优鹿纺织等龙头企业引领作用，围绕“亲相见”品牌抓招商，依托东博会、袜交会、辽源城市节等展会活动平台。',
    leadUnitNames: [
      '市工业和信息化局',
      '北方袜业集团',
      '市商务局',
      '市发展改革委',
      '市文广旅局',
      '东辽县政府',
      '龙山区政府',
      '辽源高新区管委会',
    ],
    segments: [
      {
        position: 'upstream',
        name: '高端纱线研发制造',
        strength: 'missing',
        need: 'fill',
        priority: 'must',
        divisions: ['17', '28'],
        keywords: ['纱线', '化纤'],
      },
      {
        position: 'midstream',
        name: '袜业纺织制造',
        strength: 'strong',
        need: 'strengthen',
        priority: 'may',
        divisions: ['17', '18'],
        keywords: ['袜', '纺织'],
        owners: ['北方袜业集团', '德弘冰雪科技', '优鹿纺织'],
      },
      {
        position: 'downstream',
        name: '品牌运营与电商销售配套',
        strength: 'weak',
        need: 'extend',
        priority: 'must',
        divisions: ['51', '52', '64', '72'],
        keywords: ['电商', '品牌'],
      },
      {
        position: 'lateral',
        name: '冰雪装备',
        strength: 'weak',
        need: 'extend',
        priority: 'may',
        divisions: ['18', '24'],
        keywords: ['滑雪', '冰雪'],
        note: '横向拓展滑雪服、滑雪板等冰雪装备领域类项目',
        children: [
          {
            position: 'lateral',
            name: '滑雪服',
            strength: 'weak',
            need: 'extend',
            divisions: ['18'],
            keywords: ['滑雪服'],
          },
          {
            position: 'lateral',
            name: '滑雪板',
            strength: 'missing',
            need: 'extend',
            divisions: ['24'],
            keywords: ['滑雪板'],
          },
        ],
      },
    ],
  },
  {
    name: '农产品加工产业链',
    nameEn: 'Agricultural product processing chain',
    catalogEntryCode: 'liaoyuan.chain.agri-processing',
    source: 'liaoyuan §四(二)',
    description:
      '以农产品精深加工为主攻方向，做足做活“粮头食尾”“畜头肉尾”“农头工尾”文章；依托东丰县松籽产业园、东辽三产融合产业园等特色产业园区，发挥厚德食品、三只松鼠等龙头企业行业影响力。',
    leadUnitNames: ['市农业农村局', '市畜牧局', '市商务局', '市工业和信息化局', '各县区政府'],
    segments: [
      {
        position: 'upstream',
        name: '特色资源',
        strength: 'strong',
        divisions: ['01', '03'],
        note: '蛋品、梅花鹿、毛驴、粮食、黑猪等特色资源',
      },
      {
        position: 'midstream',
        name: '特色资源精深加工',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['13', '14'],
        keywords: ['食品', '加工'],
        owners: ['厚德食品', '三只松鼠'],
        children: [
          {
            position: 'midstream',
            name: '蛋品',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['13'],
            keywords: ['蛋'],
          },
          {
            position: 'midstream',
            name: '梅花鹿',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['13', '27'],
            keywords: ['鹿'],
          },
          {
            position: 'midstream',
            name: '毛驴',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['13'],
            keywords: ['驴'],
          },
          {
            position: 'midstream',
            name: '粮食',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['13'],
            keywords: ['粮'],
          },
          {
            position: 'midstream',
            name: '黑猪',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['13'],
            keywords: ['猪', '肉'],
          },
        ],
      },
      {
        position: 'downstream',
        name: '休闲食品、预制菜、调味品',
        strength: 'missing',
        need: 'extend',
        priority: 'may',
        divisions: ['14'],
        keywords: ['食品', '预制菜', '调味'],
        children: [
          {
            position: 'downstream',
            name: '休闲食品',
            strength: 'missing',
            need: 'extend',
            divisions: ['14'],
            keywords: ['休闲食品', '零食'],
          },
          {
            position: 'downstream',
            name: '预制菜',
            strength: 'missing',
            need: 'extend',
            divisions: ['14'],
            keywords: ['预制菜'],
          },
          {
            position: 'downstream',
            name: '调味品',
            strength: 'missing',
            need: 'extend',
            divisions: ['14'],
            keywords: ['调味'],
          },
        ],
      },
    ],
  },
  {
    name: '装备制造产业链',
    nameEn: 'Equipment manufacturing chain',
    catalogEntryCode: 'liaoyuan.chain.equipment',
    source: 'liaoyuan §四(三)',
    description:
      '发挥辽源绿电优势，主动融入长春现代化都市圈，围绕一汽集团百公里配套生态圈，立足辽源，辐射长春、沈阳；推动新能源汽车配套产业基地和轨道客车产业配套基地建设。',
    leadUnitNames: ['市工业和信息化局', '市商务局', '各县区政府', '辽源高新区管委会'],
    segments: [
      {
        position: 'upstream',
        name: '高精铝加工',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['32'],
        keywords: ['铝'],
        children: [
          {
            position: 'upstream',
            name: '高精铝材',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['32'],
            keywords: ['铝材'],
          },
          {
            position: 'upstream',
            name: '航空铝板',
            strength: 'missing',
            need: 'fill',
            divisions: ['32'],
            keywords: ['铝板'],
          },
          {
            position: 'upstream',
            name: '汽车轻量化铝材',
            strength: 'missing',
            need: 'fill',
            divisions: ['32', '36'],
            keywords: ['轻量化'],
          },
          {
            position: 'upstream',
            name: '高端铝箔',
            strength: 'missing',
            need: 'fill',
            divisions: ['32'],
            keywords: ['铝箔'],
          },
        ],
      },
      {
        position: 'midstream',
        name: '新能源汽车零部件',
        strength: 'missing',
        need: 'fill',
        priority: 'must',
        divisions: ['36'],
        keywords: ['汽车', '零部件'],
      },
      {
        position: 'midstream',
        name: '轨道客车配套',
        strength: 'weak',
        need: 'fill',
        priority: 'must',
        divisions: ['37'],
        keywords: ['轨道', '客车'],
      },
      {
        position: 'midstream',
        name: '传统装备配套',
        strength: 'weak',
        need: 'strengthen',
        priority: 'may',
        divisions: ['34', '35'],
        keywords: ['装备', '机械'],
      },
    ],
  },
  {
    name: '医药健康产业链',
    nameEn: 'Medicine and health chain',
    catalogEntryCode: 'liaoyuan.chain.health',
    source: 'liaoyuan §四(四)',
    description:
      '发挥梅花鹿创投园、医疗器械产业园等集群优势；对接吉林大学、吉林农业大学等高校院所，推进科技成果转化应用；积极推动“皇家围场1619”、关药村中药材产学研基地等项目落地。',
    leadUnitNames: [
      '市科技局',
      '市商务局',
      '市工业和信息化局',
      '市农业农村局',
      '市畜牧局',
      '各县区政府',
      '辽源高新区管委会',
    ],
    segments: [
      {
        position: 'upstream',
        name: '化学原料药、中间体',
        strength: 'missing',
        need: 'fill',
        priority: 'must',
        divisions: ['26', '27'],
        keywords: ['原料药', '中间体'],
      },
      {
        position: 'upstream',
        name: '中药材',
        strength: 'weak',
        need: 'strengthen',
        priority: 'may',
        divisions: ['01', '27'],
        keywords: ['中药材', '药材'],
        note: '关药村中药材产学研基地',
      },
      {
        position: 'midstream',
        name: '医药制造',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['27'],
        keywords: ['药'],
        children: [
          {
            position: 'midstream',
            name: '化学药',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['27'],
            keywords: ['制药'],
          },
          {
            position: 'midstream',
            name: '中药',
            strength: 'weak',
            need: 'strengthen',
            divisions: ['27'],
            keywords: ['中药'],
          },
          {
            position: 'midstream',
            name: '生物医药',
            strength: 'missing',
            need: 'fill',
            divisions: ['27'],
            keywords: ['生物'],
          },
        ],
      },
      {
        position: 'midstream',
        name: '医疗器械',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['35', '40'],
        keywords: ['医疗器械', '医疗'],
      },
      {
        position: 'downstream',
        name: '医药保健品电子商务综合服务平台',
        strength: 'missing',
        need: 'extend',
        priority: 'may',
        divisions: ['51', '52', '64'],
        keywords: ['电商', '保健品'],
      },
    ],
  },
  {
    name: '冶金建材产业链',
    nameEn: 'Metallurgy and building materials chain',
    catalogEntryCode: 'liaoyuan.chain.metallurgy-building',
    source: 'liaoyuan §四(五)',
    description:
      '推动鑫达钢铁、北方水泥等传统企业转型升级，推进工厂设备数字化、生产工艺与控制智能化；推进绿色建材领域招商。',
    leadUnitNames: ['市工业和信息化局', '市商务局', '各县区政府', '辽源高新区管委会'],
    segments: [
      {
        position: 'midstream',
        name: '钢铁冶炼',
        strength: 'strong',
        need: 'strengthen',
        divisions: ['31'],
        keywords: ['钢'],
        owners: ['鑫达钢铁'],
      },
      {
        position: 'midstream',
        name: '水泥',
        strength: 'strong',
        need: 'strengthen',
        divisions: ['30'],
        keywords: ['水泥'],
        owners: ['北方水泥'],
      },
      {
        position: 'downstream',
        name: '特种钢材',
        strength: 'missing',
        need: 'extend',
        priority: 'must',
        divisions: ['31'],
        keywords: ['钢材', '电工钢'],
        children: [
          {
            position: 'downstream',
            name: '汽车用钢',
            strength: 'missing',
            need: 'extend',
            divisions: ['31'],
            keywords: ['汽车用钢'],
          },
          {
            position: 'downstream',
            name: '家电用钢',
            strength: 'missing',
            need: 'extend',
            divisions: ['31'],
            keywords: ['家电用钢'],
          },
          {
            position: 'downstream',
            name: '高端电工钢',
            strength: 'missing',
            need: 'extend',
            divisions: ['31'],
            keywords: ['电工钢'],
          },
        ],
      },
      {
        position: 'downstream',
        name: '绿色建材',
        strength: 'missing',
        need: 'extend',
        priority: 'must',
        divisions: ['30', '42'],
        keywords: ['建材', '骨料', '装配式'],
        children: [
          {
            position: 'downstream',
            name: '装配式建筑构件',
            strength: 'missing',
            need: 'extend',
            divisions: ['30', '33'],
            keywords: ['装配式'],
          },
          {
            position: 'downstream',
            name: '固废再生骨料',
            strength: 'missing',
            need: 'extend',
            divisions: ['42'],
            keywords: ['再生', '骨料'],
          },
          {
            position: 'downstream',
            name: '低碳节能型水泥基材料',
            strength: 'missing',
            need: 'extend',
            divisions: ['30'],
            keywords: ['水泥基'],
          },
        ],
      },
    ],
  },
  {
    name: '新能源产业链',
    nameEn: 'New energy chain',
    catalogEntryCode: 'liaoyuan.chain.new-energy',
    source: 'liaoyuan §四(六)',
    description:
      '聚焦“双碳”目标，“向上”做大做强新能源装备产业链，“向下”促进高水平储能和消纳；推动天楹集团风光储氢氨醇一体化项目，依托辽矿增量配电网园区，加快30万千瓦风力发电项目建设。',
    leadUnitNames: ['市能源局', '市工业和信息化局', '各县区政府', '辽源高新区管委会'],
    segments: [
      {
        position: 'upstream',
        name: '新能源装备',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['34', '38'],
        keywords: ['风电', '光伏', '装备'],
        children: [
          {
            position: 'upstream',
            name: '氢能装备制造',
            strength: 'missing',
            need: 'extend',
            divisions: ['34', '38'],
            keywords: ['氢能', '电解槽'],
          },
        ],
      },
      {
        position: 'midstream',
        name: '风光发电与氢能“制储输用研”',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['44', '45', '26'],
        keywords: ['氢', '风力发电', '新能源'],
        owners: ['天楹集团'],
        note: '天楹集团风光储氢氨醇一体化项目；30万千瓦风力发电项目',
      },
      {
        position: 'downstream',
        name: '新型储能',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['38'],
        keywords: ['储能'],
      },
      {
        position: 'downstream',
        name: '绿色甲醇',
        strength: 'missing',
        need: 'extend',
        priority: 'may',
        divisions: ['26'],
        keywords: ['甲醇'],
      },
    ],
  },
  {
    name: '新文旅产业链',
    nameEn: 'New culture and tourism chain',
    catalogEntryCode: 'liaoyuan.chain.culture-tourism',
    source: 'liaoyuan §四(七)',
    description:
      '依托北部煤炭历史文化传承区、东辽河源头生态产业示范区、环东山新型文体商旅集聚区三个文旅片区，构建“联动冬夏、带动春秋、驱动全年”的全时全域旅游模式；吸引国内成熟企业进行管理和投资。',
    leadUnitNames: ['市文广旅局', '市商务局', '市体育局', '市林草局', '各县区政府', '辽源高新区管委会'],
    segments: [
      {
        position: 'upstream',
        name: '文旅片区与资源',
        strength: 'strong',
        divisions: ['78', '88'],
        note: '北部煤炭历史文化传承区、东辽河源头生态产业示范区、环东山新型文体商旅集聚区',
      },
      {
        position: 'midstream',
        name: '冰雪旅游',
        strength: 'weak',
        need: 'strengthen',
        priority: 'must',
        divisions: ['89', '90'],
        keywords: ['冰雪', '滑雪'],
      },
      {
        position: 'midstream',
        name: '运动康养休闲基地',
        strength: 'missing',
        need: 'fill',
        priority: 'may',
        divisions: ['89', '85', '61'],
        keywords: ['康养', '休闲'],
      },
      {
        position: 'downstream',
        name: '乡村旅游、体育赛事、工业旅游',
        strength: 'weak',
        need: 'extend',
        priority: 'may',
        divisions: ['89', '90', '61', '62'],
        keywords: ['旅游', '赛事'],
        children: [
          {
            position: 'downstream',
            name: '乡村旅游',
            strength: 'weak',
            need: 'extend',
            divisions: ['61', '62'],
            keywords: ['乡村旅游'],
          },
          {
            position: 'downstream',
            name: '体育赛事',
            strength: 'weak',
            need: 'extend',
            divisions: ['89'],
            keywords: ['赛事', '体育'],
          },
          {
            position: 'downstream',
            name: '工业旅游',
            strength: 'missing',
            need: 'extend',
            divisions: ['90'],
            keywords: ['工业旅游'],
          },
        ],
      },
    ],
  },
  {
    name: '未来经济产业链',
    nameEn: 'Future economy chain',
    catalogEntryCode: 'liaoyuan.chain.future-economy',
    source: 'liaoyuan §四(八)',
    description:
      '围绕人工智能、大数据、算力经济等领域，推动工业领域智能化改造和数字化转型，积极引入智慧产业项目；积极发展低空经济产业，充分利用职教园区教育资源。',
    leadUnitNames: [
      '市发展改革委',
      '市工业和信息化局',
      '市教育局',
      '市政务服务和数字化局',
      '市商务局',
      '各县区政府',
      '辽源高新区管委会',
    ],
    segments: [
      {
        position: 'upstream',
        name: '光电信息',
        strength: 'missing',
        need: 'fill',
        priority: 'must',
        divisions: ['39'],
        keywords: ['光电', '传感'],
        children: [
          {
            position: 'upstream',
            name: '光电元器件',
            strength: 'missing',
            need: 'fill',
            divisions: ['39'],
            keywords: ['光电'],
          },
          {
            position: 'upstream',
            name: '传感器',
            strength: 'missing',
            need: 'fill',
            divisions: ['39', '40'],
            keywords: ['传感'],
          },
        ],
      },
      {
        position: 'midstream',
        name: '人工智能、大数据、算力经济',
        strength: 'missing',
        need: 'fill',
        priority: 'must',
        divisions: ['64', '65'],
        keywords: ['智能', '数据', '算力'],
      },
      {
        position: 'midstream',
        name: '低空飞行器制造',
        strength: 'missing',
        need: 'fill',
        priority: 'may',
        divisions: ['37'],
        keywords: ['飞行器', '无人机', '低空'],
      },
      {
        position: 'downstream',
        name: '工业领域智能化改造和数字化转型',
        strength: 'weak',
        need: 'extend',
        priority: 'may',
        divisions: ['65'],
        keywords: ['数字化', '智能'],
      },
      {
        position: 'downstream',
        name: '低空飞行器维修、低空飞行培训',
        strength: 'missing',
        need: 'extend',
        priority: 'may',
        divisions: ['43', '83'],
        keywords: ['维修', '培训', '飞行'],
        note: '引进教育培训机构',
      },
    ],
  },
];

export const CHAINS_SEED_KEY = 'seed.chains.v1';
const LIAOYUAN = '220400';

/** "市工业和信息化局" → "辽源市工业和信息化局"; "市发展改革委" is the commission's short name. */
const UNIT_ALIASES: Record<string, string> = {
  市发展改革委: '辽源市发展和改革委员会',
};
function platformUnitName(name: string): string {
  return UNIT_ALIASES[name] ?? (name.startsWith('市') ? `辽源${name}` : name);
}

async function insertSegments(
  tx: Db,
  chainId: string,
  segments: SegmentSeed[],
  source: string,
  parentId: string | null,
  counter: { n: number },
): Promise<void> {
  for (const s of segments) {
    const [row] = await tx
      .insert(chainSegments)
      .values({
        chainId,
        parentId,
        position: s.position,
        name: s.name,
        strength: s.strength,
        need: s.need ?? null,
        priority: s.priority ?? 'may',
        industryDivisions: s.divisions ?? [],
        keywords: s.keywords ?? [],
        note: s.note ?? null,
        source,
        sort: counter.n++,
      })
      .returning({ id: chainSegments.id });
    if (s.owners?.length) {
      await tx
        .insert(segmentEnterprises)
        .values(s.owners.map((name) => ({ segmentId: row!.id, name, role: 'owner' as const })));
    }
    if (s.children) await insertSegments(tx, chainId, s.children, source, row!.id, counter);
  }
}

/**
 * Loads the five guidance catalogs and the Liaoyuan chains, once per database (its own marker, so
 * a database seeded before chains existed gets them on its next start). Needs regions and units.
 */
export async function seedCatalogsAndChains(db: Db): Promise<boolean> {
  const [done] = await db.select().from(meta).where(eq(meta.key, CHAINS_SEED_KEY));
  if (done) return false;
  await db.transaction(async (tx) => {
    const entries = catalogEntryList();
    for (const e of entries) {
      const values = {
        catalogId: e.catalogId,
        regionCode: e.regionCode,
        groupKey: e.groupKey,
        groupName: e.groupName,
        name: e.name,
        source: e.source,
        divisions: e.divisions,
        sort: e.sort,
      };
      await tx
        .insert(catalogEntries)
        .values({ code: e.code, ...values })
        .onConflictDoUpdate({ target: catalogEntries.code, set: values });
    }
    const unitRows = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(eq(units.regionCode, LIAOYUAN));
    const unitIds = new Map(unitRows.map((u) => [u.name, u.id]));
    let sort = 0;
    for (const c of LIAOYUAN_CHAINS) {
      const [chain] = await tx
        .insert(chains)
        .values({
          regionCode: LIAOYUAN,
          name: c.name,
          nameEn: c.nameEn,
          catalogEntryCode: c.catalogEntryCode,
          isKey: true,
          description: c.description,
          source: c.source,
          sort: sort++,
        })
        .onConflictDoNothing()
        .returning({ id: chains.id });
      if (!chain) continue;
      const leadUnitId =
        c.leadUnitNames.map((n) => unitIds.get(platformUnitName(n))).find((id): id is string => Boolean(id)) ?? null;
      await tx.insert(chainTeams).values({ chainId: chain.id, leadUnitId, leadUnitNames: c.leadUnitNames });
      await insertSegments(tx, chain.id, c.segments, c.source, null, { n: 0 });
    }
    await tx.insert(meta).values({ key: CHAINS_SEED_KEY, value: { at: new Date().toISOString() } });
    await recordAudit(tx, {
      actorId: null,
      action: 'system.chains_seeded',
      entity: 'system',
      entityId: CHAINS_SEED_KEY,
      regionCode: LIAOYUAN,
      after: { catalogEntries: entries.length, chains: LIAOYUAN_CHAINS.map((c) => c.name) },
    });
  });
  return true;
}
