/**
 * Fixed vocabularies of project fields that are not stage rules.
 *
 * Exported API (stable):
 * - `SOURCE_CHANNELS`, `type SourceChannel`, `SOURCE_CHANNEL_LABELS[channel]` {zh, en} — how a lead
 *   came in (招商方式); the values are the Chinese terms officers use, so imports can take them as typed.
 * - `CONFIDENTIALITY_LEVELS`, `type Confidentiality`, `CONFIDENTIALITY_LABELS`.
 */

import type { Bilingual } from './errors';

export const SOURCE_CHANNELS = [
  '以商招商',
  '委托招商',
  '展会招商',
  '基金招商',
  '驻点招商',
  '部门提供',
  '网上洽谈',
  '投资者门户',
  '政府谋划',
  '其他',
] as const;

/** How the project came in (招商方式). */
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export const SOURCE_CHANNEL_LABELS: Record<SourceChannel, Bilingual> = {
  以商招商: { zh: '以商招商', en: 'Referred by investors' },
  委托招商: { zh: '委托招商', en: 'Commissioned agents' },
  展会招商: { zh: '展会招商', en: 'Expos and fairs' },
  基金招商: { zh: '基金招商', en: 'Investment funds' },
  驻点招商: { zh: '驻点招商', en: 'Stationed teams' },
  部门提供: { zh: '部门提供', en: 'Supplied by a department' },
  网上洽谈: { zh: '网上洽谈', en: 'Online negotiation' },
  投资者门户: { zh: '投资者门户', en: 'Investor portal' },
  政府谋划: { zh: '政府谋划', en: 'Planned by the government' },
  其他: { zh: '其他', en: 'Other' },
};

export const CONFIDENTIALITY_LEVELS = ['normal', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, Bilingual> = {
  normal: { zh: '普通', en: 'Normal' },
  confidential: { zh: '保密', en: 'Confidential' },
};
