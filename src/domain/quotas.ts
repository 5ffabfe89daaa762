/**
 * Activities (招商活动), trips (外出招商), stationed teams (驻点招商) and the quotas the seeds set on them.
 * - Liaoyuan §二: each county/zone head leads ≥5 trips a year, signs ≥5 industrial projects of
 *   ≥5000万元 and lands ≥2 (`leaderQuotas`).
 * - Jiaxing §二(三)11: each locality sends ≥30 people a year to Beijing, Shanghai, Shenzhen, Suzhou
 *   for stationed attraction (`outboundStaffing`).
 * - Jiangmen §(九): at least 10 stationed teams out at any time (`stationedTeamsMin`).
 * - Gansu §(七): expos carry attraction targets (`expoTargetsRequired`); gansu §(十): online events.
 * All counts are pure functions of the records given; the caller picks the locality and the rule.
 */

import type { Bilingual } from './errors';
import { DATABASES, type Stage } from './lifecycle';
import { compareWan } from './money';
import { foldText } from './names';
import { landingDate, type RewardProject } from './rewards';

export const ACTIVITY_KINDS = [
  'trip',
  'expo',
  'promotion',
  'cloud_promotion',
  'cloud_negotiation',
  'cloud_signing',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, Bilingual> = {
  trip: { zh: '外出招商', en: 'Investment trip' },
  expo: { zh: '展会招商', en: 'Expo' },
  promotion: { zh: '招商推介会', en: 'Promotion event' },
  cloud_promotion: { zh: '云推介', en: 'Online promotion' },
  cloud_negotiation: { zh: '云洽谈', en: 'Online negotiation' },
  cloud_signing: { zh: '云签约', en: 'Online signing' },
};
/** Online events (gansu §(十) "互联网+" 招商) have no destination. */
export const ONLINE_KINDS: readonly ActivityKind[] = ['cloud_promotion', 'cloud_negotiation', 'cloud_signing'];

/** A person's or place's name as compared: Traditional folded, spaces dropped. */
export function nameKey(name: string): string {
  return foldText(name).replace(/\s+/g, '');
}

export interface Progress {
  done: number;
  /** Null where no pack in force sets a quota. */
  required: number | null;
  met: boolean | null;
}

function progress(done: number, required: number | null): Progress {
  return { done, required, met: required === null ? null : done >= required };
}

export interface LeaderQuotaRule {
  tripsPerYear: number;
  signedProjects: number;
  signedMinWan: string;
  landedProjects: number;
  industrialSections: readonly string[];
}

export interface QuotaActivity {
  id: string;
  kind: ActivityKind;
  leaderName: string | null;
  startDate: string;
  /** Projects recorded as results of the activity. */
  projectIds: readonly string[];
}

export interface QuotaProject extends RewardProject {
  industrySection: string | null;
  signingDate: string | null;
  responsibleLeader: string | null;
}

export interface LeaderProgress {
  leaderName: string;
  trips: Progress;
  signed: Progress & { projectIds: string[] };
  landed: Progress & { projectIds: string[] };
}

const SIGNED_OR_LATER: readonly Stage[] = [...DATABASES.signed, ...DATABASES.landed];

/**
 * Quota progress of each leader of one locality for a calendar year.
 * - trips: trips (kind 'trip') the leader led that start in the year;
 * - a project is the leader's when the leader is its responsible leader or led an activity that
 *   lists it as a result;
 * - signed: the leader's industrial projects (section in `industrialSections`) of at least
 *   `signedMinWan`, signed in the year and not terminated;
 * - landed: the leader's projects that landed (注册/备案 or later) in the year.
 * Leaders are everyone who led an activity starting in the year, plus `extraLeaders`; names are
 * compared with Traditional folded and spaces dropped. Sorted by name.
 */
export function leaderQuotaProgress(input: {
  year: number;
  rule: LeaderQuotaRule | null;
  activities: readonly QuotaActivity[];
  projects: readonly QuotaProject[];
  extraLeaders?: readonly string[];
}): LeaderProgress[] {
  const { year, rule } = input;
  const inYear = (date: string | null) => date !== null && date.slice(0, 4) === String(year);
  const leaders = new Map<string, string>();
  for (const name of input.extraLeaders ?? []) if (nameKey(name)) leaders.set(nameKey(name), name.trim());
  for (const a of input.activities) {
    if (a.leaderName && nameKey(a.leaderName) && inYear(a.startDate) && !leaders.has(nameKey(a.leaderName))) {
      leaders.set(nameKey(a.leaderName), a.leaderName.trim());
    }
  }
  const out: LeaderProgress[] = [];
  for (const [key, leaderName] of leaders) {
    const led = input.activities.filter((a) => a.leaderName && nameKey(a.leaderName) === key);
    const trips = led.filter((a) => a.kind === 'trip' && inYear(a.startDate)).length;
    const fromActivities = new Set(led.flatMap((a) => a.projectIds));
    const own = input.projects.filter(
      (p) => fromActivities.has(p.id) || (p.responsibleLeader !== null && nameKey(p.responsibleLeader) === key),
    );
    const signed = own.filter(
      (p) =>
        SIGNED_OR_LATER.includes(p.stage) &&
        inYear(p.signingDate) &&
        p.industrySection !== null &&
        (rule ? rule.industrialSections.includes(p.industrySection) : true) &&
        (rule ? compareWan(p.totalInvestmentWan, rule.signedMinWan) >= 0 : true),
    );
    const landed = own.filter((p) => inYear(landingDate(p)));
    out.push({
      leaderName,
      trips: progress(trips, rule?.tripsPerYear ?? null),
      signed: { ...progress(signed.length, rule?.signedProjects ?? null), projectIds: signed.map((p) => p.id).sort() },
      landed: { ...progress(landed.length, rule?.landedProjects ?? null), projectIds: landed.map((p) => p.id).sort() },
    });
  }
  return out.sort((a, b) => a.leaderName.localeCompare(b.leaderName, 'zh-CN'));
}

export interface Deployment {
  destination: string;
  members: readonly string[];
  fromDate: string;
  toDate: string | null;
}

/** Whether a deployment is out on `date` (from and to dates inclusive; open-ended while toDate is null). */
export function outOn(d: Deployment, date: string): boolean {
  return d.fromDate <= date && (d.toDate === null || date <= d.toDate);
}

/** Stationed teams out on a date against the minimum (jiangmen §(九)). */
export function stationedTeams(deployments: readonly Deployment[], date: string, min: number | null): Progress {
  return progress(deployments.filter((d) => outOn(d, date)).length, min);
}

/**
 * People a locality sent out in a year to the named cities (jiaxing §二(三)11): distinct members of
 * deployments that overlap the year and whose destination names one of the cities. A person sent
 * twice counts once.
 */
export function peopleSent(
  deployments: readonly Deployment[],
  year: number,
  cities: readonly string[],
  required: number | null,
): Progress & { people: string[] } {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const cityKeys = cities.map(nameKey);
  const people = new Map<string, string>();
  for (const d of deployments) {
    if (d.fromDate > last || (d.toDate !== null && d.toDate < first)) continue;
    const destination = nameKey(d.destination);
    if (!cityKeys.some((c) => destination.includes(c))) continue;
    for (const m of d.members) if (nameKey(m) && !people.has(nameKey(m))) people.set(nameKey(m), m.trim());
  }
  const list = [...people.values()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { ...progress(list.length, required), people: list };
}
