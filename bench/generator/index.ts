/**
 * The deterministic data generator behind the demo world and the benchmark province. Pure: the
 * same spec gives the same rows on every run (ids included); nothing reads the clock or
 * Math.random. Writing the rows is writer.ts's job.
 */
import { createHash } from 'node:crypto';
import { STAGES } from '../../src/domain/lifecycle';
import type { PolicyPack } from '../../src/domain/policy';
import { formatProjectCode } from '../../src/domain/project-code';
import { toDay } from './dates';
import { generateEnterprises, type GeneratedEnterprise } from './enterprises';
import { buildProject, hostGovernment, planProject, type ProjectContext, type ProjectPlan } from './projects';
import { hashString, Rng } from './random';
import type { CounterRow, EnterpriseRow, FileRow, ProjectBundle, WorldSpec } from './types';
import { INDUSTRY_THEMES } from './vocabulary';

export type * from './types';
export { hostGovernment };

export interface World {
  spec: WorldSpec;
  enterprises: EnterpriseRow[];
  /** One sample agreement document per host region with signed projects. */
  files: FileRow[];
  counters: CounterRow[];
  projectCount: number;
  /** Every project with its links, transitions and reports, generated on demand, in code order. */
  projects(): Generator<ProjectBundle>;
}

/** A one-page PDF saying it is sample data: what a signed project's agreementFileId points at. */
function samplePdf(title: string): Buffer {
  const text = `(${title.replace(/[()\\]/g, '')}) Tj`;
  const stream = `BT /F1 14 Tf 72 720 Td ${text} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Builds the world described by `spec`. Enterprises are materialised; projects stream. */
export function generateWorld(spec: WorldSpec, packs: readonly PolicyPack[]): World {
  if (spec.units.length === 0) throw new Error('generateWorld: no units to own projects');
  if (spec.enterpriseCount < 1) throw new Error('generateWorld: at least one enterprise is needed');
  const todayDay = toDay(spec.today);
  const windowDays = Math.round(spec.windowYears * 365.25);
  const regions = new Map(spec.regions.map((r) => [r.code, r]));
  const generated: GeneratedEnterprise[] = generateEnterprises(
    spec.seed,
    spec.enterpriseCount,
    spec.regions,
    spec.units,
    spec.today,
    spec.windowYears,
  );
  const byTheme: number[][] = INDUSTRY_THEMES.map(() => []);
  generated.forEach((e, i) => byTheme[e.theme]!.push(i));

  const unitWeights = spec.units.map((u, i) => [i, u.weight] as const);
  const plans: ProjectPlan[] = [];
  for (let i = 0; i < spec.projectCount; i++) {
    plans.push(
      planProject(
        spec.seed,
        i,
        spec.units,
        unitWeights,
        spec.crossRegionShare ?? 0.1,
        todayDay,
        windowDays,
        spec.ensureAllStages ? STAGES[i] : undefined,
      ),
    );
  }
  // Codes run per (year, host region) in the order projects were created.
  plans.sort((a, b) => a.createdDay - b.createdDay || a.createdMinute - b.createdMinute || a.index - b.index);
  const counters = new Map<string, CounterRow>();
  const codes: string[] = [];
  for (const plan of plans) {
    const year = new Date(plan.createdDay * 86_400_000).getUTCFullYear();
    const key = `${year}|${plan.host}`;
    const counter = counters.get(key) ?? { year, regionCode: plan.host, last: 0 };
    counter.last += 1;
    counters.set(key, counter);
    codes.push(formatProjectCode({ year, regionCode: plan.host, seq: counter.last }));
  }

  const files = new Map<string, FileRow>();
  const agreementFileId = (hostRegion: string): string => {
    let file = files.get(hostRegion);
    if (!file) {
      const region = regions.get(hostRegion);
      const data = samplePdf(`Sample investment agreement - ${hostRegion} (demo data)`);
      file = {
        id: Rng.for(spec.seed, 'file', hashString(hostRegion)).uuid(),
        name: `${region ? hostGovernment(region) : hostRegion}投资协议（示例）.pdf`,
        mimeType: 'application/pdf',
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        data,
        regionCode: hostRegion,
        createdAt: new Date(`${spec.today}T00:00:00+08:00`),
      };
      files.set(hostRegion, file);
    }
    return file.id;
  };
  const ctx: ProjectContext = {
    seed: spec.seed,
    today: spec.today,
    todayDay,
    regions,
    enterprises: generated,
    byTheme,
    packs,
    agreementFileId,
    policyCache: new Map(),
  };
  // Files must exist before the projects that cite them are written: register them up front.
  for (const plan of plans) if (plan.steps.some((s) => s.to === 'signed')) agreementFileId(plan.host);

  return {
    spec,
    enterprises: generated.map((e) => e.row),
    files: [...files.values()],
    counters: [...counters.values()],
    projectCount: plans.length,
    *projects() {
      for (let k = 0; k < plans.length; k++) yield buildProject(ctx, plans[k]!, codes[k]!);
    },
  };
}
