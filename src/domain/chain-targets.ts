/**
 * Target enterprises (目标企业清单) of a chain segment and the strength vocabulary of chain maps
 * (强链、补链、延链; 必须招 / 可以招 — jilin §二(二), gansu §(二)).
 */

import type { Bilingual } from './errors';

export const SEGMENT_POSITIONS = ['upstream', 'midstream', 'downstream', 'lateral'] as const;
export type SegmentPosition = (typeof SEGMENT_POSITIONS)[number];
export const SEGMENT_POSITION_LABELS: Record<SegmentPosition, Bilingual> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
  lateral: { zh: '横向拓展', en: 'Lateral' },
};

export const SEGMENT_STRENGTHS = ['strong', 'weak', 'missing'] as const;
export type SegmentStrength = (typeof SEGMENT_STRENGTHS)[number];
export const SEGMENT_STRENGTH_LABELS: Record<SegmentStrength, Bilingual> = {
  strong: { zh: '强', en: 'Strong' },
  weak: { zh: '弱链', en: 'Weak' },
  missing: { zh: '断链/缺失', en: 'Missing' },
};

/** What the segment needs: strengthen (强链), fill (补链) or extend (延链) the chain. */
export const SEGMENT_NEEDS = ['strengthen', 'fill', 'extend'] as const;
export type SegmentNeed = (typeof SEGMENT_NEEDS)[number];
export const SEGMENT_NEED_LABELS: Record<SegmentNeed, Bilingual> = {
  strengthen: { zh: '强链', en: 'Strengthen' },
  fill: { zh: '补链', en: 'Fill' },
  extend: { zh: '延链', en: 'Extend' },
};

export const SEGMENT_PRIORITIES = ['must', 'may'] as const;
export type SegmentPriority = (typeof SEGMENT_PRIORITIES)[number];
export const SEGMENT_PRIORITY_LABELS: Record<SegmentPriority, Bilingual> = {
  must: { zh: '必须招', en: 'Must attract' },
  may: { zh: '可以招', en: 'May attract' },
};

/** A gap is a segment the chain lacks or holds weakly: where targeted attraction is aimed. */
export function isGap(strength: SegmentStrength): boolean {
  return strength !== 'strong';
}

export const TARGET_STATUSES = ['not_contacted', 'contacted', 'negotiating', 'converted', 'dropped'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_STATUS_LABELS: Record<TargetStatus, Bilingual> = {
  not_contacted: { zh: '未接触', en: 'Not contacted' },
  contacted: { zh: '已接触', en: 'Contacted' },
  negotiating: { zh: '洽谈中', en: 'Negotiating' },
  converted: { zh: '已转化为项目', en: 'Converted' },
  dropped: { zh: '已放弃', en: 'Dropped' },
};

/**
 * Status moves an officer may make by hand. `converted` is reached only by converting the target
 * into a project; a dropped target may be taken up again; a converted one is final.
 */
const MOVES: Record<TargetStatus, readonly TargetStatus[]> = {
  not_contacted: ['contacted', 'dropped'],
  contacted: ['negotiating', 'dropped'],
  negotiating: ['contacted', 'dropped'],
  dropped: ['contacted'],
  converted: [],
};

export function nextTargetStatuses(from: TargetStatus): readonly TargetStatus[] {
  return MOVES[from];
}

/** Why a status change is refused, or null when it is allowed. */
export function checkTargetMove(from: TargetStatus, to: TargetStatus): Bilingual | null {
  if (from === to) return null;
  if (to === 'converted') {
    return { zh: '须通过“转为项目”转化目标企业', en: 'Use "Convert to project" to convert a target' };
  }
  if (MOVES[from].includes(to)) return null;
  const a = TARGET_STATUS_LABELS[from];
  const b = TARGET_STATUS_LABELS[to];
  return { zh: `目标企业不能从“${a.zh}”改为“${b.zh}”`, en: `A target cannot go from ${a.en} to ${b.en}` };
}

/** Whether a target may still be converted into a project. */
export function canConvert(status: TargetStatus): boolean {
  return status === 'contacted' || status === 'negotiating' || status === 'not_contacted';
}

/** Someone works on a target while it is contacted or negotiating (not yet contacted counts as listed only). */
export function isWorked(status: TargetStatus): boolean {
  return status === 'contacted' || status === 'negotiating';
}
