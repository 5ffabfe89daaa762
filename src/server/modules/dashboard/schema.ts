import { z } from 'zod';
import { ZMonth } from '../../lib/input';

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
const ZRegionRef = z.object({ code: z.string(), name: z.string() });
/** A month, or `current` for the month in progress. */
const ZMonthOrCurrent = z.union([z.literal('current'), ZMonth]);

export const ZDashboardQuery = z.object({
  region: z.string().min(2).max(12).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZProjectBrief = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  stage: z.string(),
  hostRegion: ZRegionRef,
  totalInvestmentWan: z.string(),
  stalledSince: z.string().nullable(),
});

const ZDrill = z.object({ metric: z.string(), from: ZMonthOrCurrent, to: ZMonthOrCurrent });

export const ZDashboard = z.object({
  region: ZRegionRef,
  year: z.number().int(),
  kpis: z.array(
    z.object({
      key: z.string(),
      name: ZBilingual,
      unit: z.string(),
      definition: ZBilingual,
      version: z.number().int(),
      value: z.string().nullable(),
      target: z.string().nullable(),
      completion: z.string().nullable(),
      drill: ZDrill.nullable().describe('null: not a project figure (trips, activities)'),
    }),
  ),
  funnel: z.array(
    z.object({ stage: z.string(), label: ZBilingual, count: z.number().int(), totalInvestmentWan: z.string() }),
  ),
  byRegion: z.array(
    z.object({
      region: ZRegionRef,
      seat: z
        .object({ lng: z.number(), lat: z.number() })
        .nullable()
        .describe('Where the region is drawn on a map of points (county and zone seats); null when not recorded'),
      signedProjects: z.number().int(),
      signedInvestmentWan: z.string(),
      fundsInPlaceWan: z.string(),
    }),
  ),
  byChain: z.array(
    z.object({ chainId: z.string(), name: z.string(), count: z.number().int(), totalInvestmentWan: z.string() }),
  ),
  trend: z.array(
    z.object({
      month: z.string(),
      signedProjects: z.number().int(),
      signedAmountWan: z.string(),
      fundsInPlaceWan: z.string(),
    }),
  ),
  major: z.array(ZProjectBrief),
  escalated: z.array(ZProjectBrief.extend({ escalatedOn: z.string(), threeOnesComplete: z.boolean() })),
  stalled: z.object({ count: z.number().int(), items: z.array(ZProjectBrief) }),
  overdueReports: z.object({
    month: z.string(),
    dueDate: z.string(),
    owed: z.number().int(),
    submitted: z.number().int(),
    overdue: z.number().int(),
  }),
  overdueTickets: z
    .object({
      count: z.number().int(),
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
          department: z.object({ id: z.string(), name: z.string() }),
          dueDate: z.string(),
        }),
      ),
    })
    .describe('Open service tickets past their due date, of projects hosted in the region, longest overdue first'),
});
export type TDashboard = z.infer<typeof ZDashboard>;

export const ZDrillQuery = z.object({
  region: z.string().min(2).max(12).optional(),
  metric: z
    .string()
    .regex(/^[a-z0-9_:-]+$/i)
    .max(80),
  from: ZMonthOrCurrent,
  to: ZMonthOrCurrent,
  /** Include regions credited for transferred projects (assessment view). */
  credited: z.enum(['true', 'false']).default('false'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDrillQuery = z.infer<typeof ZDrillQuery>;

export const ZDrillResult = z.object({
  region: ZRegionRef,
  metric: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  items: z.array(ZProjectBrief.extend({ amount: z.string(), month: z.string() })),
});
export type TDrillResult = z.infer<typeof ZDrillResult>;
