import type {
  chainSegments,
  chains,
  chainTeams,
  enterprises,
  files,
  progressReports,
  projectCodeCounters,
  projectDemands,
  projectEnterprises,
  projects,
  projectTransitions,
  regions,
  segmentEnterprises,
  targetEnterprises,
  targets,
} from '../../src/server/db/schema';

export type RegionRow = typeof regions.$inferInsert;
export type EnterpriseRow = typeof enterprises.$inferInsert & { id: string };
export type ProjectRow = typeof projects.$inferInsert & { id: string };
export type ProjectEnterpriseRow = typeof projectEnterprises.$inferInsert;
export type TransitionRow = Omit<typeof projectTransitions.$inferInsert, 'id'>;
export type ReportRow = typeof progressReports.$inferInsert & { id: string };
export type FileRow = typeof files.$inferInsert & { id: string };
export type CounterRow = typeof projectCodeCounters.$inferInsert;
export type DemandRow = typeof projectDemands.$inferInsert;
export type ChainRow = typeof chains.$inferInsert & { id: string };
export type ChainTeamRow = typeof chainTeams.$inferInsert;
export type SegmentRow = typeof chainSegments.$inferInsert & { id: string };
export type SegmentEnterpriseRow = typeof segmentEnterprises.$inferInsert;
export type TargetEnterpriseRow = typeof targetEnterprises.$inferInsert;
export type TargetRow = typeof targets.$inferInsert;

/** A unit that negotiates projects (首谈单位) and where they may land. */
export interface FirstUnit {
  id: string;
  name: string;
  regionCode: string;
  /** Relative share of projects. */
  weight: number;
  /** Where its projects land: its own region when it can host them, else null (a province). */
  homeRegion: string | null;
  /** Other regions its projects may land in (跨县区落地): the rest of its city or province. */
  otherHosts: readonly string[];
  /** The user recorded as moving its projects and submitting its reports (null: none). */
  actorId: string | null;
}

export interface WorldSpec {
  seed: number;
  /** The generator's "today" (YYYY-MM-DD): nothing happens after it. */
  today: string;
  /** Projects are created over this many years before today. */
  windowYears: number;
  projectCount: number;
  enterpriseCount: number;
  /** Every region of the tree (buildRegionRows), for names, paths and policy lineage. */
  regions: readonly RegionRow[];
  units: readonly FirstUnit[];
  /** Chance that a project of a unit with a home region lands elsewhere (default 0.1); province units always do. */
  crossRegionShare?: number;
  /** Make the first nine projects one of each stage, so a small world shows every stage. */
  ensureAllStages?: boolean;
}

/** One project with everything that hangs off it. */
export interface ProjectBundle {
  project: ProjectRow;
  enterprises: ProjectEnterpriseRow[];
  transitions: TransitionRow[];
  reports: ReportRow[];
  /** The factor demand it has recorded, if any (written after the project). */
  demand?: DemandRow | null;
}
