import type { Bilingual } from '../../../domain/errors';
import type { Stage } from '../../../domain/lifecycle';

/** A named list the documents ask for, as a fixed filter over stages and investment. */
export interface SavedView {
  id: (typeof SAVED_VIEW_IDS)[number];
  name: Bilingual;
  description: Bilingual;
  stages: readonly Stage[];
  /** Total investment at least this many 万元. */
  minInvestmentWan?: string;
}

export const SAVED_VIEW_IDS = [
  'jiaxing-negotiating',
  'jiaxing-signed',
  'jiaxing-registered',
  'jiaxing-started',
  'jiangmen-ledger',
] as const;

/** Jiaxing's four lists (jiaxing §二(一)1) and Jiangmen's ledger of projects ≥1亿元 (jiangmen §(十九)). */
export const SAVED_VIEWS: readonly SavedView[] = [
  {
    id: 'jiaxing-negotiating',
    name: { zh: '在谈清单', en: 'Under negotiation' },
    description: {
      zh: '洽谈、意向阶段的项目（嘉兴“四张清单”之一）',
      en: 'Projects in negotiation or with intent (one of Jiaxing’s four lists)',
    },
    stages: ['negotiating', 'intent'],
  },
  {
    id: 'jiaxing-signed',
    name: { zh: '签约清单', en: 'Signed' },
    description: { zh: '已签约、尚未注册的项目', en: 'Signed projects not yet registered' },
    stages: ['signed'],
  },
  {
    id: 'jiaxing-registered',
    name: { zh: '注册(备案)清单', en: 'Registered (filed)' },
    description: { zh: '已注册或备案、尚未开工的项目', en: 'Registered or filed projects not yet under construction' },
    stages: ['registered'],
  },
  {
    id: 'jiaxing-started',
    name: { zh: '开工清单', en: 'Construction started' },
    description: { zh: '已开工、尚未投产的项目', en: 'Projects under construction, not yet producing' },
    stages: ['started'],
  },
  {
    id: 'jiangmen-ledger',
    name: { zh: '亿元以上项目台账', en: 'Ledger of projects ≥ 100 million yuan' },
    description: {
      zh: '总投资1亿元及以上、处于签约至投产阶段的项目（江门月通报台账）',
      en: 'Projects of 100 million yuan or more from signing to production (Jiangmen monthly ledger)',
    },
    stages: ['signed', 'registered', 'started', 'producing'],
    minInvestmentWan: '10000',
  },
];

export function findSavedView(id: string): SavedView | undefined {
  return SAVED_VIEWS.find((v) => v.id === id);
}
