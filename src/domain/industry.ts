/**
 * GB/T 4754-2017 国民经济行业分类: the 20 sections (门类 A–T) and 97 divisions (大类 01–97). The
 * data file sits beside this module and is imported statically, so the domain stays free of I/O
 * and the web app can bundle the same tree for its pickers.
 */

import { z } from 'zod';
import raw from './gbt4754-2017.json';

const ZDivision = z.object({
  code: z.string().regex(/^\d{2}$/),
  zh: z.string().min(1),
  en: z.string().min(1),
});

const ZSection = z.object({
  code: z.string().regex(/^[A-T]$/),
  zh: z.string().min(1),
  en: z.string().min(1),
  divisions: z.array(ZDivision).min(1),
});

export const ZIndustryClassification = z
  .object({
    standard: z.literal('GB/T 4754-2017'),
    title: z.object({ zh: z.string(), en: z.string() }),
    note: z.string().optional(),
    sections: z.array(ZSection),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    for (const section of doc.sections) {
      for (const division of section.divisions) {
        if (seen.has(division.code)) ctx.addIssue({ code: 'custom', message: `division ${division.code} twice` });
        seen.add(division.code);
      }
    }
  });

export type IndustryClassification = z.infer<typeof ZIndustryClassification>;
export type IndustrySection = z.infer<typeof ZSection>;
export type IndustryDivision = z.infer<typeof ZDivision>;

/** Validates a classification document (the shipped one is checked once, on first use). */
export function parseIndustryClassification(doc: unknown): IndustryClassification {
  return ZIndustryClassification.parse(doc);
}

interface Index {
  doc: IndustryClassification;
  sections: Map<string, IndustrySection>;
  divisions: Map<string, { division: IndustryDivision; section: IndustrySection }>;
}

let index: Index | undefined;
function load(): Index {
  if (index) return index;
  const doc = parseIndustryClassification(raw);
  const sections = new Map(doc.sections.map((s) => [s.code, s]));
  const divisions = new Map(
    doc.sections.flatMap((section) => section.divisions.map((division) => [division.code, { division, section }])),
  );
  index = { doc, sections, divisions };
  return index;
}

/** The whole tree, sections in order with their divisions. */
export function industryTree(): IndustrySection[] {
  return load().doc.sections;
}

export function findSection(code: string): IndustrySection | undefined {
  return load().sections.get(code);
}

export function findDivision(code: string): IndustryDivision | undefined {
  return load().divisions.get(code)?.division;
}

/** The section a division belongs to (39 → C 制造业). */
export function sectionOfDivision(code: string): IndustrySection | undefined {
  return load().divisions.get(code)?.section;
}

/** Why an industry section/division pair is wrong, in both languages, or null when it holds. */
export function checkIndustry(
  section: string | null | undefined,
  division: string | null | undefined,
): { field: 'industrySection' | 'industryDivision'; zh: string; en: string } | null {
  if (section && !findSection(section)) {
    return {
      field: 'industrySection',
      zh: `国民经济行业门类 ${section} 不存在（应为 A–T）`,
      en: `${section} is not a GB/T 4754-2017 section (A–T)`,
    };
  }
  if (!division) return null;
  const owner = sectionOfDivision(division);
  if (!owner) {
    return {
      field: 'industryDivision',
      zh: `国民经济行业大类 ${division} 不存在（应为 01–97）`,
      en: `${division} is not a GB/T 4754-2017 division (01–97)`,
    };
  }
  if (section && owner.code !== section) {
    return {
      field: 'industryDivision',
      zh: `行业大类 ${division} 属于门类 ${owner.code} ${owner.zh}，不属于门类 ${section}`,
      en: `division ${division} belongs to section ${owner.code} (${owner.en}), not ${section}`,
    };
  }
  return null;
}
