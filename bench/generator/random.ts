/**
 * A seeded pseudo-random source (sfc32, 128-bit state) with the draws the generator needs. Same
 * seed, same sequence, on every machine: the generator never touches Math.random or the clock.
 * A 32-bit generator (mulberry32) is not enough here: its streams overlap across 200,000
 * projects and UUIDs drawn from it collide after ~65,000.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, salt = 0, index = 0) {
    this.a = mix(seed, 0x9e3779b9, salt);
    this.b = mix(salt, 0x85ebca6b, index);
    this.c = mix(index, 0xc2b2ae35, seed);
    this.d = 1;
    // Let the state spread before the first draw.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A child stream for item `index` of a stream named `salt`: items can be drawn in any order. */
  static for(seed: number, salt: string, index: number): Rng {
    return new Rng(seed, hashString(salt), index);
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One of `entries` with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A version-4-shaped UUID drawn from this stream. */
  uuid(): string {
    const a = (this.next() * 4294967296) >>> 0;
    const b = (this.next() * 4294967296) >>> 0;
    const c = (this.next() * 4294967296) >>> 0;
    const d = (this.next() * 4294967296) >>> 0;
    return (
      hex8(a) +
      '-' +
      hex8(b).slice(0, 4) +
      '-4' +
      hex8(b).slice(5, 8) +
      '-' +
      HEX[8 | (c >>> 30)]! +
      hex8(c).slice(1, 4) +
      '-' +
      hex8(c).slice(4, 8) +
      hex8(d)
    );
  }
}

const HEX = '0123456789abcdef';

function hex8(n: number): string {
  return (
    HEX[(n >>> 28) & 15]! +
    HEX[(n >>> 24) & 15]! +
    HEX[(n >>> 20) & 15]! +
    HEX[(n >>> 16) & 15]! +
    HEX[(n >>> 12) & 15]! +
    HEX[(n >>> 8) & 15]! +
    HEX[(n >>> 4) & 15]! +
    HEX[n & 15]!
  );
}

/** FNV-1a over a string: a stable 32-bit number for a stream name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(a: number, b: number, c: number): number {
  let h = Math.imul((a ^ b) >>> 0, 0x85ebca6b) ^ Math.imul((c + 0x165667b1) >>> 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
