/**
 * Industry guidance catalogs (招商引资产业指导目录) per jurisdiction, as data: Jilin "6+5+N",
 * Liaoyuan "5+2+N", Jiangmen's clusters, Jiaxing's directions and Gansu's clusters. Each entry
 * cites its clause; its GB/T 4754 divisions are the platform's mapping (the seeds name industries,
 * not codes) and drive automatic classification of projects and enterprises.
 */

import { z } from 'zod';
import gansu from './catalogs/gansu.json';
import jiangmen from './catalogs/jiangmen.json';
import jiaxing from './catalogs/jiaxing.json';
import jilin from './catalogs/jilin.json';
import liaoyuan from './catalogs/liaoyuan.json';
import type { Bilingual } from './errors';
import { findDivision } from './industry';

const ZBilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const ZSource = z
  .string()
  .regex(/^(jilin|liaoyuan|jiangmen|jiaxing|gansu) \S/, 'a clause such as "jilin §二(一)"')
  .describe('the clause the entry comes from');

const ZCatalogEntry = z
  .object({
    code: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/),
    name: ZBilingual,
    /** Overrides the group's clause when the entry has its own (Liaoyuan §四(一)…(八)). */
    source: ZSource.optional(),
    divisions: z.array(z.string().regex(/^\d{2}$/)).min(1),
  })
  .strict();

const ZCatalogGroup = z
  .object({
    key: z.string().regex(/^[a-z][a-z-]*$/),
    name: ZBilingual,
    source: ZSource,
    /** The sentence of the seed the entries are taken from (Simplified). */
    quote: z.string().min(4),
    entries: z.array(ZCatalogEntry).min(1),
  })
  .strict();

export const ZCatalog = z
  .object({
    id: z.enum(['jilin', 'liaoyuan', 'jiangmen', 'jiaxing', 'gansu']),
    name: ZBilingual,
    system: z.string().min(1),
    document: z.string().min(1),
    regionCode: z.string().min(6),
    source: ZSource,
    notes: z.array(ZBilingual.extend({ source: ZSource })).default([]),
    groups: z.array(ZCatalogGroup).min(1),
  })
  .strict()
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const group of catalog.groups) {
      for (const entry of group.entries) {
        if (!entry.code.startsWith(`${catalog.id}.`)) {
          ctx.addIssue({ code: 'custom', message: `${entry.code} must start with ${catalog.id}.` });
        }
        if (seen.has(entry.code)) ctx.addIssue({ code: 'custom', message: `${entry.code} twice` });
        seen.add(entry.code);
        if (!group.quote.includes(entry.name.zh)) {
          ctx.addIssue({ code: 'custom', message: `${entry.code}: “${entry.name.zh}” is not in the quoted clause` });
        }
        for (const d of entry.divisions) {
          if (!findDivision(d)) ctx.addIssue({ code: 'custom', message: `${entry.code}: no GB/T 4754 division ${d}` });
        }
      }
    }
  });

export type Catalog = z.infer<typeof ZCatalog>;
export type CatalogId = Catalog['id'];
export type CatalogGroup = Catalog['groups'][number];

/** One entry with its catalog and group, flattened for lookups and storage. */
export interface CatalogEntry {
  code: string;
  catalogId: CatalogId;
  regionCode: string;
  groupKey: string;
  groupName: Bilingual;
  name: Bilingual;
  source: string;
  divisions: string[];
  sort: number;
}

/** Validates a catalog document; `label` names the file in the error. */
export function parseCatalog(doc: unknown, label = 'catalog'): Catalog {
  const result = ZCatalog.safeParse(doc);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${label} is invalid: ${issues}`);
  }
  return result.data;
}

let loaded: Catalog[] | undefined;

/** The five shipped catalogs, validated once on first use. */
export function catalogs(): Catalog[] {
  loaded ??= (
    [
      ['jilin', jilin],
      ['liaoyuan', liaoyuan],
      ['jiangmen', jiangmen],
      ['jiaxing', jiaxing],
      ['gansu', gansu],
    ] as const
  ).map(([id, doc]) => parseCatalog(doc, `catalogs/${id}.json`));
  return loaded;
}

/** Every entry of the given catalogs, in catalog, group and entry order. */
export function catalogEntries(list: readonly Catalog[] = catalogs()): CatalogEntry[] {
  let sort = 0;
  return list.flatMap((catalog) =>
    catalog.groups.flatMap((group) =>
      group.entries.map((entry) => ({
        code: entry.code,
        catalogId: catalog.id,
        regionCode: catalog.regionCode,
        groupKey: group.key,
        groupName: group.name,
        name: entry.name,
        source: entry.source ?? group.source,
        divisions: entry.divisions,
        sort: sort++,
      })),
    ),
  );
}

/**
 * The catalogs that guide a region: those of the region itself and of its ancestors
 * (a Liaoyuan project is judged against Jilin's catalog and Liaoyuan's).
 * @param lineage region codes from the root down to the region
 */
export function catalogsFor(lineage: readonly string[], list: readonly Catalog[] = catalogs()): Catalog[] {
  return list.filter((c) => lineage.includes(c.regionCode));
}

/**
 * Suggested classification of a project or enterprise: the entries of the applicable catalogs
 * whose divisions include its GB/T 4754 division. No division, no suggestion.
 */
export function classifyByIndustry(
  division: string | null | undefined,
  lineage: readonly string[],
  list: readonly Catalog[] = catalogs(),
): CatalogEntry[] {
  if (!division) return [];
  return catalogEntries(catalogsFor(lineage, list)).filter((e) => e.divisions.includes(division));
}
