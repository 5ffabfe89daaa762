import type { ParamKey, ParamValue } from '../../../domain/policy';
import type { MessageKey, Translate } from '../../i18n';
import { formatWan } from '../projects/labels';

/** What a parameter's value needs to be put in words. */
export interface DescribeContext {
  t: Translate;
  /** A GB/T 4754 section code in words ("C 制造业"). */
  section: (code: string) => string;
}

type Describe<K extends ParamKey> = (value: ParamValue<K>, c: DescribeContext) => string[];

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const wan = (value: string, t: Translate) => `${formatWan(value)} ${t('unit.wan')}`;
const usdWan = (value: string, t: Translate) => `${formatWan(value)} ${t('unit.usdWan')}`;
/** "label：value" in Chinese, "label: value" in English. */
const line = (t: Translate, label: MessageKey, value: string) => t('policy.value.part', { label: t(label), value });
const yesNo = (value: boolean, t: Translate) => t(value ? 'common.yes' : 'common.no');

/**
 * Every policy parameter in display order, with how its value reads. Typed over every key of
 * `ZPolicyParams`: a parameter added there without an entry here (or without its
 * `policy.param.<key>` label in the dictionaries) fails the typecheck.
 */
export const PARAMS: { [K in ParamKey]: Describe<K> } = {
  reportDueDay: (v, { t }) => [t('policy.value.day', { day: v })],
  stalledMonths: (v, { t }) => [t('policy.value.months', { months: v })],
  stalledRedirect: (v, { t }) => [yesNo(v, t)],
  firstReport: (v, { t }) => [
    line(t, 'policy.part.totalInvestmentWan', wan(v.totalInvestmentWan, t)),
    line(t, 'policy.part.foreignInvestmentUsdWan', usdWan(v.foreignInvestmentUsdWan, t)),
    line(t, 'policy.part.exclusivityMonths', t('policy.value.months', { months: v.exclusivityMonths })),
  ],
  transferCredit: (v, { t }) => [t(`policy.transferCredit.${v}`)],
  preSigningFiling: (v, { t }) => [
    line(t, 'policy.part.days', t('policy.value.days', { days: v.days })),
    line(t, 'policy.part.thresholdWan', wan(v.thresholdWan, t)),
  ],
  escalationThresholdWan: (v, { t }) => [wan(v, t)],
  provincialSignedReportThresholdWan: (v, { t }) => [wan(v, t)],
  majorProjectThreshold: (v, { t }) => [
    line(t, 'policy.part.foreignInvestmentUsdWan', usdWan(v.foreignInvestmentUsdWan, t)),
    line(t, 'policy.part.totalInvestmentWan', wan(v.totalInvestmentWan, t)),
  ],
  targetGrowth: (v, { t }) => [
    line(t, 'policy.part.required', percent(v.required)),
    line(t, 'policy.part.dispatched', percent(v.dispatched)),
  ],
  excellentMinCompletion: (v) => [percent(v)],
  keyChainShareTarget: (v) => [percent(v)],
  priorityZoneShare: (v) => [percent(v)],
  landLists: (v, { t }) => [
    line(t, 'policy.part.contiguousMu', `${v.contiguousMu} ${t('unit.mu')}`),
    line(t, 'policy.part.reserveMu', `${v.reserveMu} ${t('unit.mu')}`),
  ],
  delayShortensSupport: (v, { t }) => [yesNo(v, t)],
  reviewRequiredThresholdWan: (v, { t }) => [wan(v, t)],
  toleranceExemption: (v, { t }) => [yesNo(v, t)],
  leaderQuotas: (v, { t, section }) => [
    line(t, 'policy.part.tripsPerYear', t('policy.value.times', { count: v.tripsPerYear })),
    line(
      t,
      'policy.part.signedProjects',
      t('policy.value.projectsAtLeast', { count: v.signedProjects, size: wan(v.signedMinWan, t) }),
    ),
    line(t, 'policy.part.landedProjects', t('policy.value.count', { count: v.landedProjects })),
    line(t, 'policy.part.industrialSections', v.industrialSections.map(section).join(t('policy.value.listSeparator'))),
  ],
  outboundStaffing: (v, { t }) => [
    line(t, 'policy.part.peoplePerYear', t('policy.value.people', { count: v.peoplePerYear })),
    line(t, 'policy.part.cities', v.cities.join(t('policy.value.listSeparator'))),
  ],
  stationedTeamsMin: (v, { t }) => [t('policy.value.teams', { count: v })],
  expoTargetsRequired: (v, { t }) => [yesNo(v, t)],
  firstUnitLandingReward: (v, { t }) => [
    line(t, 'policy.part.overWan', wan(v.overWan, t)),
    line(t, 'policy.part.officeFundsIncrease', percent(v.officeFundsIncrease)),
    line(t, 'policy.part.budgetPriority', yesNo(v.budgetPriority, t)),
  ],
  referralReward: (v, { t }) => [
    line(t, 'policy.part.minWan', wan(v.minWan, t)),
    line(t, 'policy.part.standard', t(`policy.referralStandard.${v.standard}`)),
  ],
};

export const PARAM_ORDER = Object.keys(PARAMS) as ParamKey[];

export function isParamKey(key: string): key is ParamKey {
  return Object.prototype.hasOwnProperty.call(PARAMS, key);
}

/** A parameter's name: its label for a known key, the key itself for one this page does not know yet. */
export function paramLabel(key: string, t: Translate): string {
  return isParamKey(key) ? t(`policy.param.${key}`) : key;
}

/**
 * A parameter's value in words, one line per part of a compound value. A key the page does not
 * know (a server newer than the page) is shown as its JSON rather than hidden.
 */
export function describeParam(key: string, value: unknown, c: DescribeContext): string[] {
  if (!isParamKey(key)) return [JSON.stringify(value)];
  return (PARAMS[key] as Describe<ParamKey>)(value as never, c);
}
