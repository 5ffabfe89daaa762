import { z } from 'zod';
import { ZDate } from '../../lib/input';
import { ACTIVITY_KINDS } from '../../../domain/quotas';
import { WAN_AMOUNT } from '../../../domain/money';
import { ZPageQuery } from '../../lib/listing';

const ZLabel = z.object({ zh: z.string(), en: z.string() });
const ZRef = z.object({ id: z.string().uuid(), name: z.string() });
const ZRegionRef = z.object({ code: z.string(), name: z.string() });
const ZText = (max: number) => z.string().trim().max(max);
const ZNames = z.array(ZText(50).min(1)).max(500);
const ZWanInput = z
  .string()
  .trim()
  .regex(WAN_AMOUNT, '应为最多两位小数的金额（万元）|A 万元 amount with at most two decimals');

export const ZResultProject = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  stage: z.string(),
  totalInvestmentWan: z.string(),
});

export const ZActivity = z.object({
  id: z.string().uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  kindLabel: ZLabel,
  online: z.boolean().describe('云推介 / 云洽谈 / 云签约'),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  destination: z.string().nullable(),
  organisingUnit: ZRef,
  region: ZRegionRef,
  leaderName: z.string().nullable(),
  participants: z.array(z.string()),
  targets: z.object({
    projects: z.number().int().nullable(),
    amountWan: z.string().nullable(),
    leads: z.number().int().nullable(),
  }),
  results: z.object({ leads: z.number().int(), projects: z.number().int() }),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export const ZActivityDetail = ZActivity.extend({ resultProjects: z.array(ZResultProject) });

const activityFields = {
  title: ZText(200).min(1, '标题不能为空|The title is empty'),
  startDate: ZDate,
  endDate: ZDate,
  destination: ZText(200).nullable().optional(),
  leaderName: ZText(50).nullable().optional().describe('Who led it (带队领导); required for a trip'),
  participants: ZNames,
  targetProjects: z.number().int().min(0).max(100000).nullable().optional(),
  targetAmountWan: ZWanInput.nullable().optional(),
  targetLeads: z.number().int().min(0).max(100000).nullable().optional(),
  leadsCount: z.number().int().min(0).max(100000),
  note: ZText(2000).nullable().optional(),
};

export const ZCreateActivityRequest = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  ...activityFields,
  participants: ZNames.default([]),
  leadsCount: activityFields.leadsCount.default(0),
  organisingUnitId: z.string().uuid().optional().describe("Default: the caller's unit"),
});

export const ZUpdateActivityRequest = z.object({
  version: z.number().int().min(1).describe('The version you read; a stale one is a 409'),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  title: activityFields.title.optional(),
  startDate: ZDate.optional(),
  endDate: ZDate.optional(),
  destination: activityFields.destination,
  leaderName: activityFields.leaderName,
  participants: ZNames.optional(),
  targetProjects: activityFields.targetProjects,
  targetAmountWan: activityFields.targetAmountWan,
  targetLeads: activityFields.targetLeads,
  leadsCount: activityFields.leadsCount.optional(),
  note: activityFields.note,
});

export const ZActivityListQuery = z.object({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  trips: z.enum(['true', 'false']).optional().describe('true: trips only; false: every other kind of activity'),
  region: z.string().trim().max(12).optional().describe('Organiser region, with its subtree'),
  from: ZDate.optional(),
  to: ZDate.optional(),
  q: z.string().trim().max(100).optional().describe('Substring of the title, destination or leader'),
  ...ZPageQuery,
});
export const ZActivityList = z.object({ items: z.array(ZActivity), total: z.number().int() });
export const ZActivityParams = z.object({ id: z.string().uuid() });
export const ZActivityProjectParams = z.object({ id: z.string().uuid(), projectId: z.string().uuid() });
export const ZLinkProjectRequest = z.object({ projectId: z.string().uuid() });

const ZProgress = z.object({
  done: z.number().int(),
  required: z.number().int().nullable().describe('Null where no policy in force sets a quota'),
  met: z.boolean().nullable(),
});
const ZProjectRef = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });

export const ZQuotaQuery = z.object({
  region: z.string().trim().max(12).optional().describe("Default: the caller's region"),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Default: this year'),
});
export const ZQuotas = z.object({
  year: z.number().int(),
  region: ZRegionRef,
  asOf: z.string().describe('The date whose policies judge the year (its last day, or today)'),
  leaders: z.array(
    z.object({
      leaderName: z.string(),
      region: ZRegionRef,
      trips: ZProgress,
      signed: ZProgress.extend({ projects: z.array(ZProjectRef), minWan: z.string().nullable() }),
      landed: ZProgress.extend({ projects: z.array(ZProjectRef) }),
      source: z.string().nullable(),
    }),
  ),
  localities: z.array(
    z.object({
      region: ZRegionRef,
      peopleSent: ZProgress.extend({ people: z.array(z.string()) }),
      cities: z.array(z.string()),
      source: z.string(),
    }),
  ),
  stationedTeams: ZProgress.extend({ date: z.string(), source: z.string().nullable() }),
});

export const ZDeployment = z.object({
  id: z.string().uuid(),
  teamName: z.string(),
  unit: ZRef.extend({ kind: z.string() }),
  region: ZRegionRef,
  destination: z.string(),
  members: z.array(z.string()),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  out: z.boolean().describe('Out on the date asked about'),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export const ZDeploymentQuery = z.object({
  region: z.string().trim().max(12).optional(),
  date: ZDate.optional().describe('Default: today'),
  outOnly: z.enum(['true', 'false']).optional(),
});
export const ZDeploymentList = z.object({
  items: z.array(ZDeployment),
  date: z.string(),
  teamsOut: ZProgress.extend({ source: z.string().nullable() }),
});
export const ZCreateDeploymentRequest = z.object({
  teamName: ZText(200).min(1, '队伍名称不能为空|The team name is empty'),
  unitId: z.string().uuid().optional().describe("Sending unit (often an outpost); default: the caller's unit"),
  destination: ZText(200).min(1, '驻点地不能为空|The destination is empty'),
  members: ZNames.min(1, '至少一名队员|At least one member'),
  fromDate: ZDate,
  toDate: ZDate.nullable().optional(),
  note: ZText(2000).nullable().optional(),
});
export const ZUpdateDeploymentRequest = z.object({
  version: z.number().int().min(1),
  teamName: ZCreateDeploymentRequest.shape.teamName.optional(),
  destination: ZCreateDeploymentRequest.shape.destination.optional(),
  members: ZCreateDeploymentRequest.shape.members.optional(),
  fromDate: ZDate.optional(),
  toDate: ZDate.nullable().optional(),
  note: ZText(2000).nullable().optional(),
});

export const ZActivityCatalog = z.object({
  kinds: z.array(z.object({ value: z.enum(ACTIVITY_KINDS), label: ZLabel, online: z.boolean() })),
});

export type TActivity = z.infer<typeof ZActivity>;
export type TActivityDetail = z.infer<typeof ZActivityDetail>;
export type TCreateActivityRequest = z.infer<typeof ZCreateActivityRequest>;
export type TUpdateActivityRequest = z.infer<typeof ZUpdateActivityRequest>;
export type TActivityListQuery = z.infer<typeof ZActivityListQuery>;
export type TActivityList = z.infer<typeof ZActivityList>;
export type TQuotaQuery = z.infer<typeof ZQuotaQuery>;
export type TQuotas = z.infer<typeof ZQuotas>;
export type TDeployment = z.infer<typeof ZDeployment>;
export type TDeploymentQuery = z.infer<typeof ZDeploymentQuery>;
export type TDeploymentList = z.infer<typeof ZDeploymentList>;
export type TCreateDeploymentRequest = z.infer<typeof ZCreateDeploymentRequest>;
export type TUpdateDeploymentRequest = z.infer<typeof ZUpdateDeploymentRequest>;
export type TActivityCatalog = z.infer<typeof ZActivityCatalog>;
