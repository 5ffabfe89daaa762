/** Shapes of /api/dashboard and /api/dashboard/drill (see src/server/modules/dashboard/schema.ts). */
export interface Bilingual {
  zh: string;
  en: string;
}
export interface RegionRef {
  code: string;
  name: string;
}
export interface ProjectBrief {
  id: string;
  code: string;
  name: string;
  stage: string;
  hostRegion: RegionRef;
  totalInvestmentWan: string;
  stalledSince: string | null;
}
export interface Kpi {
  key: string;
  name: Bilingual;
  unit: 'wan' | 'usdWan' | 'count' | 'percent';
  definition: Bilingual;
  version: number;
  value: string | null;
  target: string | null;
  completion: string | null;
  /** null: not a project figure (trips, activities). */
  drill: { metric: string; from: string; to: string } | null;
}
export interface Dashboard {
  region: RegionRef;
  year: number;
  kpis: Kpi[];
  funnel: { stage: string; label: Bilingual; count: number; totalInvestmentWan: string }[];
  byRegion: {
    region: RegionRef;
    /** Where a county or zone is drawn on its city's map; null when not recorded. */
    seat: { lng: number; lat: number } | null;
    signedProjects: number;
    signedInvestmentWan: string;
    fundsInPlaceWan: string;
  }[];
  byChain: { chainId: string; name: string; count: number; totalInvestmentWan: string }[];
  trend: { month: string; signedProjects: number; signedAmountWan: string; fundsInPlaceWan: string }[];
  major: ProjectBrief[];
  escalated: (ProjectBrief & { escalatedOn: string; threeOnesComplete: boolean })[];
  stalled: { count: number; items: ProjectBrief[] };
  overdueReports: { month: string; dueDate: string; owed: number; submitted: number; overdue: number };
  overdueTickets: {
    count: number;
    items: {
      id: string;
      title: string;
      project: { id: string; code: string; name: string };
      department: { id: string; name: string };
      dueDate: string;
    }[];
  };
}
export interface DrillResult {
  region: RegionRef;
  metric: string;
  from: string;
  to: string;
  total: number;
  items: (ProjectBrief & { amount: string; month: string })[];
}

/** The link behind a number: the drill page listing exactly the projects it counts. */
export function drillLink(d: { metric: string; from: string; to: string }, region: string, label: string): string {
  const p = new URLSearchParams({ metric: d.metric, from: d.from, to: d.to, region, label });
  return `/dashboard/drill?${p.toString()}`;
}

/** The database (库) page a stage is listed on. */
export function databaseOfStage(stage: string): string {
  if (['registered', 'started', 'producing', 'achieved'].includes(stage)) return 'landed';
  return stage;
}
