/** A small seeded PRNG (sfc32) with the draws the demo generator needs; the same seed gives the same sequence. */

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Where the 32 hex digits of a UUID go in its 36 characters (dashes at 8, 13, 18 and 23). */
const DIGIT_AT = Array.from({ length: 32 }, (_, i) => i + (i >= 8 ? 1 : 0) + (i >= 12 ? 1 : 0) + (i >= 16 ? 1 : 0) + (i >= 20 ? 1 : 0));
const UUID_TEXT = Buffer.from('00000000-0000-4000-8000-000000000000', 'latin1');

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

  /** A version-4-shaped UUID drawn from the stream (four draws, whatever the prefix). */
  uuid(): string {
    const first = this.next32();
    const words = [this.idPrefix ?? first, this.next32(), this.next32(), this.next32()];
    for (let i = 0; i < 32; i += 1) {
      let nibble = (words[i >> 3]! >>> (28 - 4 * (i & 7))) & 15;
      if (i === 12) nibble = 4;
      if (i === 16) nibble = 8 | (nibble & 3);
      UUID_TEXT[DIGIT_AT[i]!] = HEX_DIGITS[nibble]!;
    }
    return UUID_TEXT.toString('latin1');
  }
}
