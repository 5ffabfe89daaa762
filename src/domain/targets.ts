/**
 * Annual targets (目标任务): entered per region and indicator, or decomposed from the parent.
 * Gansu §一: funds in place must grow 15% a year, and the work is dispatched at 20% — the pack
 * parameter `targetGrowth` { required, dispatched }. Exact decimals, no floating point.
 */

import { fromUnits, toUnits, WAN_SCALE } from './money';

/** A policy growth rate (0.2) as scaled units of 1 (2000 of 10000): read as text, never multiplied as a float. */
function rateUnits(rate: number): bigint {
  return toUnits(String(rate));
}

/** `base × (1 + rate)`, rounded half up to the 4th decimal. */
export function grow(base: string, rate: number): string {
  const b = toUnits(base);
  const factor = WAN_SCALE + rateUnits(rate);
  const scaled = b * factor;
  const rounded = (scaled * 2n + WAN_SCALE) / (2n * WAN_SCALE);
  return fromUnits(rounded);
}

export interface DecomposeChild {
  regionCode: string;
  /** Last year's actual (the base the growth applies to). */
  baseValue: string;
}

export interface DecomposedTarget {
  regionCode: string;
  baseValue: string;
  /** What the region is dispatched (base × (1 + dispatched)). */
  target: string;
}

export interface Decomposition {
  children: DecomposedTarget[];
  /** Σ base × (1 + required): what the parent must reach. */
  parentRequired: string;
  /** Σ children's targets: what the dispatched targets add up to. */
  parentDispatched: string;
  /** The dispatched targets cover the requirement. */
  covers: boolean;
}

/**
 * Decomposes a parent's growth target onto its children: each child gets its base grown by the
 * dispatched rate; the parent's requirement is the bases grown by the required rate.
 */
export function decomposeByGrowth(
  children: readonly DecomposeChild[],
  growth: { required: number; dispatched: number },
): Decomposition {
  const out = children.map((c) => ({
    regionCode: c.regionCode,
    baseValue: c.baseValue,
    target: grow(c.baseValue, growth.dispatched),
  }));
  const baseSum = fromUnits(children.reduce((s, c) => s + toUnits(c.baseValue), 0n));
  const parentRequired = grow(baseSum, growth.required);
  const parentDispatched = fromUnits(out.reduce((s, c) => s + toUnits(c.target), 0n));
  return {
    children: out,
    parentRequired,
    parentDispatched,
    covers: toUnits(parentDispatched) >= toUnits(parentRequired),
  };
}

/**
 * Splits a parent's target over children in proportion to their bases, scaled up by
 * dispatched / required (Gansu plans at +20% when +15% is required). Rounded to whole units of
 * the indicator (1 万元 or 1 project) with the remainder given to the largest bases first, so the
 * parts add up exactly to the scaled total.
 */
export function splitTarget(
  parentTarget: string,
  children: readonly DecomposeChild[],
  growth: { required: number; dispatched: number } | null,
): DecomposedTarget[] {
  const total = toUnits(parentTarget);
  const scaledTotal = growth
    ? (total * (WAN_SCALE + rateUnits(growth.dispatched)) * 2n + (WAN_SCALE + rateUnits(growth.required))) /
      (2n * (WAN_SCALE + rateUnits(growth.required)))
    : total;
  const wholeTotal = (scaledTotal + WAN_SCALE / 2n) / WAN_SCALE;
  const bases = children.map((c) => toUnits(c.baseValue));
  const baseSum = bases.reduce((s, b) => s + b, 0n);
  if (baseSum === 0n) {
    return children.map((c) => ({ regionCode: c.regionCode, baseValue: c.baseValue, target: '0' }));
  }
  const floors = bases.map((b) => (wholeTotal * b) / baseSum);
  let remainder = wholeTotal - floors.reduce((s, f) => s + f, 0n);
  const order = bases
    .map((b, i) => ({ i, rest: (wholeTotal * b) % baseSum }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (remainder <= 0n) break;
    floors[i]! += 1n;
    remainder -= 1n;
  }
  return children.map((c, i) => ({
    regionCode: c.regionCode,
    baseValue: c.baseValue,
    target: fromUnits(floors[i]! * WAN_SCALE),
  }));
}
