import { eq } from 'drizzle-orm';
import type { SchemeRules } from '../../domain/assessment';
import { INDICATORS } from '../../domain/indicators';
import { foldText } from '../../domain/names';
import { yiToWan } from '../../domain/money';
import type { Db } from '../db/client';
import { assessmentSchemes, indicatorDefinitions, meta, targets } from '../db/schema';
import { recordAudit } from '../modules/audit/service';

const SEED_KEY = 'seed.targets.v1';

interface SeedTarget {
  year: number;
  regionCode: string;
  indicator: string;
  value: string;
  source: string;
  note: string;
}

// The Jiaxing document is in Traditional characters with stray pinyin: its sentence is folded before it is quoted.
const JIAXING_2024 = foldText(
  '2024年,實(shí)際利用外資30億美元;引進(jìn)世界500強(qiáng)投資項(xiàng)目25個(gè),總投資超億美元項(xiàng)目50個(gè);引進(jìn)總投資10億元以上項(xiàng)目80個(gè),其中50億元以上項(xiàng)目15個(gè),100億元以上項(xiàng)目5個(gè)。',
);
const GANSU =
  '全省招商引资到位资金年均增长15%以上，实际工作中按增长20%调度分解任务，到2024年年底总量达到7000亿元，到2026年年底突破万亿元大关。';
const JIANGMEN =
  '力争2023-2025年每年引进制造业项目计划投资额不少于1600亿元，10亿元以上项目每年不少于40个，重点产业链项目投资额占比不低于80%。';

/** The seeds' own figures for their jurisdictions (MECHANISMS §9). Amounts in 万元 / 万美元. */
export const SEED_TARGETS: SeedTarget[] = [
  {
    year: 2024,
    regionCode: '620000',
    indicator: 'fundsInPlaceWan',
    value: yiToWan('7000'),
    source: 'gansu §一',
    note: GANSU,
  },
  // +15% a year (the required growth) between the two figures the document gives.
  {
    year: 2025,
    regionCode: '620000',
    indicator: 'fundsInPlaceWan',
    value: yiToWan('8050'),
    source: 'gansu §一 (+15%)',
    note: GANSU,
  },
  {
    year: 2026,
    regionCode: '620000',
    indicator: 'fundsInPlaceWan',
    value: yiToWan('10000'),
    source: 'gansu §一',
    note: GANSU,
  },
  ...[2023, 2024, 2025].flatMap((year) => [
    {
      year,
      regionCode: '440700',
      indicator: 'manufacturingPlannedWan',
      value: yiToWan('1600'),
      source: 'jiangmen 序言',
      note: JIANGMEN,
    },
    { year, regionCode: '440700', indicator: 'projectsGe10Yi', value: '40', source: 'jiangmen 序言', note: JIANGMEN },
    {
      year,
      regionCode: '440700',
      indicator: 'keyChainSharePercent',
      value: '80',
      source: 'jiangmen 序言',
      note: JIANGMEN,
    },
  ]),
  ...(
    [
      ['foreignCapitalUsdWan', '300000'],
      ['fortune500Projects', '25'],
      ['projectsGt1YiUsd', '50'],
      ['projectsGe10Yi', '80'],
      ['projectsGe50Yi', '15'],
      ['projectsGe100Yi', '5'],
    ] as const
  ).map(([indicator, value]) => ({
    year: 2024,
    regionCode: '330400',
    indicator,
    value,
    source: 'jiaxing §一(二)',
    note: JIAXING_2024,
  })),
];

const bands = { excellent: 95, good: 80, pass: 60 };

/** Assessment schemes per pack: indicators, weights and the rules each seed sets. */
export const SEED_SCHEMES: {
  regionCode: string;
  packId: string;
  name: { zh: string; en: string };
  validFrom: number;
  validTo: number | null;
  rules: SchemeRules;
}[] = [
  {
    regionCode: '330400',
    packId: 'jiaxing',
    name: { zh: '嘉兴市招大引强条线考评', en: 'Jiaxing assessment of attracting large and strong investment' },
    validFrom: 2024,
    validTo: 2025,
    rules: {
      indicators: [
        { key: 'projectsGe10Yi', weight: 30 },
        { key: 'projectsGt1YiUsd', weight: 20 },
        { key: 'foreignCapitalUsdWan', weight: 20 },
        { key: 'fortune500Projects', weight: 15 },
        { key: 'projectsGe50Yi', weight: 15 },
      ],
      mainIndicator: 'projectsGe10Yi',
      completionCapPercent: '120',
      ratingBands: bands,
      excellentMinCompletion: 0.7,
      reminderAfterYears: 2,
      source: 'jiaxing §三(一)',
    },
  },
  {
    regionCode: '620000',
    packId: 'gansu',
    name: { zh: '甘肃省招商引资季度综合排名', en: 'Gansu quarterly comprehensive ranking' },
    validFrom: 2024,
    validTo: null,
    rules: {
      indicators: [
        { key: 'fundsInPlaceWan', weight: 60 },
        { key: 'projectsGe10Yi', weight: 20 },
        { key: 'top500Projects', weight: 20 },
      ],
      mainIndicator: 'fundsInPlaceWan',
      completionCapPercent: '120',
      ratingBands: bands,
      excellentMinCompletion: null,
      reminderAfterYears: null,
      source: 'gansu §(二十六)',
    },
  },
  {
    regionCode: '440700',
    packId: 'jiangmen',
    name: { zh: '江门市招商引资年度考核', en: 'Jiangmen annual investment attraction assessment' },
    validFrom: 2023,
    validTo: 2025,
    rules: {
      indicators: [
        { key: 'manufacturingPlannedWan', weight: 40 },
        { key: 'projectsGe10Yi', weight: 30 },
        { key: 'keyChainSharePercent', weight: 30 },
      ],
      mainIndicator: 'manufacturingPlannedWan',
      completionCapPercent: '120',
      ratingBands: bands,
      excellentMinCompletion: null,
      reminderAfterYears: null,
      source: 'jiangmen §(十九)',
    },
  },
];

/**
 * Loads the indicator definitions, the seeds' targets and the packs' assessment schemes once
 * (a marker in `meta`); definitions of a new indicator version are added on every start.
 */
export async function seedTargets(db: Db): Promise<void> {
  await db
    .insert(indicatorDefinitions)
    .values(
      INDICATORS.map((d) => ({
        key: d.key,
        version: d.version,
        name: d.name,
        unit: d.unit,
        definition: d.definition,
        formula: d.formula,
      })),
    )
    .onConflictDoNothing();
  const [done] = await db.select().from(meta).where(eq(meta.key, SEED_KEY));
  if (done) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(targets)
      .values(SEED_TARGETS.map((t) => ({ ...t, origin: 'seed' as const })))
      .onConflictDoNothing();
    await tx.insert(assessmentSchemes).values(SEED_SCHEMES);
    await tx.insert(meta).values({ key: SEED_KEY, value: { at: new Date().toISOString() } });
    await recordAudit(tx, {
      actorId: null,
      action: 'seed.targets',
      entity: 'targets',
      entityId: SEED_KEY,
      regionCode: null,
      after: { targets: SEED_TARGETS.length, schemes: SEED_SCHEMES.length },
    });
  });
}
