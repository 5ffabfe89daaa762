/**
 * Readable project codes: `ZS-<year>-<regionCode>-<seq>`, e.g. `ZS-2025-220400-0001`.
 *
 * Exported API (stable):
 * - `PROJECT_CODE_PATTERN` — the RegExp a canonical code matches.
 * - `formatProjectCode({ year, regionCode, seq })` — throws RangeError on a bad part.
 * - `parseProjectCode(text)` → `{ ok: true, code, year, regionCode, seq }` | `{ ok: false, error: Bilingual }`;
 *   lower case and surrounding spaces are accepted, the returned `code` is canonical.
 * - `projectCodePrefix(year, regionCode)` — `ZS-2025-220400-`, for "codes of this region and year".
 * - `isRegionCode(text)` — six characters: GB/T 2260 digits, or a zone code like `2204Z1`.
 *
 * The year is the year the project was registered on the platform, the region its host region
 * (a county, city or zone) and `seq` a per-(year, region) counter. `seq` is zero-padded to 4
 * digits; a region with more than 9999 projects in one year simply gets 5 digits, so codes stay
 * unique and sort correctly within 4-digit ranges.
 */

import type { Bilingual } from './errors';

export const PROJECT_CODE_PATTERN = /^ZS-(\d{4})-(\d{4}[0-9A-Z]{2})-(\d{4,})$/;

const REGION_CODE = /^\d{4}[0-9A-Z]{2}$/;

export interface ProjectCodeParts {
  year: number;
  regionCode: string;
  seq: number;
}

export type ParseProjectCodeResult = ({ ok: true; code: string } & ProjectCodeParts) | { ok: false; error: Bilingual };

/** True for a 6-character region code: `220400`, `220421`, or a zone code such as `2204Z1`. */
export function isRegionCode(text: string): boolean {
  return REGION_CODE.test(text);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`project code: year must be a 4-digit integer, got ${year}`);
  }
}

function checkRegion(regionCode: string): void {
  if (!isRegionCode(regionCode)) throw new RangeError(`project code: bad region code "${regionCode}"`);
}

/** `ZS-2025-220400-0001` from its parts. */
export function formatProjectCode({ year, regionCode, seq }: ProjectCodeParts): string {
  checkYear(year);
  checkRegion(regionCode);
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new RangeError(`project code: seq must be a positive integer, got ${seq}`);
  return `${projectCodePrefix(year, regionCode)}${String(seq).padStart(4, '0')}`;
}

/** The common prefix of every code of one year and region, `ZS-2025-220400-`. */
export function projectCodePrefix(year: number, regionCode: string): string {
  checkYear(year);
  checkRegion(regionCode);
  return `ZS-${year}-${regionCode}-`;
}

/** Reads a project code; refuses anything that is not exactly a code this module would format. */
export function parseProjectCode(text: string): ParseProjectCodeResult {
  const code = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const match = PROJECT_CODE_PATTERN.exec(code);
  const seq = match ? Number(match[3]) : 0;
  // Canonical only: "ZS-2025-220400-00001" is not the same code as "…-0001".
  if (!match || seq < 1 || !Number.isSafeInteger(seq) || String(seq).padStart(4, '0') !== match[3]) {
    return {
      ok: false,
      error: {
        zh: `“${text}”不是有效的项目编号（格式：ZS-年份-区划代码-序号，如 ZS-2025-220400-0001）`,
        en: `"${text}" is not a project code (ZS-year-region-sequence, e.g. ZS-2025-220400-0001)`,
      },
    };
  }
  return { ok: true, code, year: Number(match[1]), regionCode: match[2]!, seq };
}
