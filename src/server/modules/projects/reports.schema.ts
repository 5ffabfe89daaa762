import { z } from 'zod';
import { ZProjectListItem, ZProjectReport, ZProjectTaskForce } from './schema';

const ZRef = z.object({ id: z.string().uuid(), name: z.string() });

const ZRegionRef = z.object({ code: z.string(), name: z.string() });
const ZMonth = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM|The month must be YYYY-MM');

export const ZProjectIdParams = z.object({ id: z.string().uuid() });

export const ZReport = ZProjectReport;

export const ZReportList = z.object({ items: z.array(ZReport) });

export const ZSubmitReportRequest = z.object({
  month: ZMonth,
  text: z.string().trim().min(1, '请填写进展情况|The progress text is required').max(10_000),
  substantiveProgress: z.boolean(),
  fundsInPlaceWan: z.string().trim().max(30).describe('万元, decimal string ≥ 0 with at most two decimals'),
  problems: z.string().trim().max(5_000).nullish(),
  correctionReason: z
    .string()
    .trim()
    .max(2_000)
    .nullish()
    .describe('Required to correct a month that has closed (its due date has passed)'),
});

export const ZOverdueQuery = z.object({
  month: ZMonth.optional().describe("'YYYY-MM'; default the previous month"),
});

export const ZOverdueReports = z.object({
  month: z.string(),
  dueDate: z.string().describe("The due date in the caller's own region"),
  units: z.array(
    z.object({
      unit: ZRef,
      region: ZRegionRef,
      dueDate: z.string().describe("The due date in this unit's region"),
      projects: z.array(z.object({ id: z.string().uuid(), code: z.string(), name: z.string() })),
    }),
  ),
});

export const ZStalledList = z.object({
  items: z.array(
    ZProjectListItem.extend({ stalledSince: z.string().describe('YYYY-MM-DD: the first day it counted as stalled') }),
  ),
});

export const ZTaskForceRequest = z.object({
  leaderName: z.string().trim().min(1, '请填写专班负责人|The leader name is required').max(100),
  leadUnitId: z.string().uuid(),
  members: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  note: z.string().trim().max(2_000).nullish(),
});

export const ZTaskForce = ZProjectTaskForce;

export type TReport = z.infer<typeof ZReport>;
export type TSubmitReportRequest = z.infer<typeof ZSubmitReportRequest>;
export type TOverdueReports = z.infer<typeof ZOverdueReports>;
export type TStalledList = z.infer<typeof ZStalledList>;
export type TTaskForceRequest = z.infer<typeof ZTaskForceRequest>;
export type TTaskForce = z.infer<typeof ZTaskForce>;
