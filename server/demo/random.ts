/** A small seeded PRNG (sfc32) with the draws the demo generator needs; the same seed gives the same sequence. */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return HEX[(word >>> 24) & 255]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from any number of integers, e.g. (seed, chunk index): each combination is an independent stream. */
  constructor(...seeds: number[]) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = 1;
    for (const seed of seeds) {
      this.a ^= seed | 0;
      this.b ^= Math.imul(seed | 0, 0x85ebca6b);
      for (let i = 0; i < 12; i += 1) this.next32();
    }
  }

  /** A uniform 32-bit unsigned integer. */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.next32() / 4_294_967_296;
  }

  /** A uniform number in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One item, drawn with the relative weights given beside it. */
  weighted<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of table) total += weight;
    let roll = this.next() * total;
    for (const [item, weight] of table) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return table[table.length - 1]![0];
  }

  /** An exponentially distributed number with the given mean (waiting times). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A log-normally distributed number around the median (company sizes, deal sizes). */
  logNormal(median: number, sigma: number): number {
    const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(sigma * normal);
  }

  /**
   * When set, the first 32 bits of every UUID drawn: the rows of one chunk then share a key range,
   * so index inserts stay in a few hot pages instead of touching the whole index.
   */
  idPrefix: number | null = null;

  /** A version-4-shaped UUID drawn from the stream. */
  uuid(): string {
    const first = this.next32();
    const a = hex32(this.idPrefix ?? first);
    const b = hex32(this.next32());
    const c = hex32(this.next32());
    const d = hex32(this.next32());
    const variant = HEX[(parseInt(c.slice(0, 2), 16) & 0x3f) | 0x80]!;
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(2, 4)}-${c.slice(4)}${d}`;
  }
}
