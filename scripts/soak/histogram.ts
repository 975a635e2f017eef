// A latency histogram for the soak: microsecond values in log-linear buckets (64 per power of two, so a reported
// percentile is within ~1.6% of the true one, HdrHistogram-style), mergeable. Counting only: no I/O, no timing.

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
/** Enough buckets for values up to 2^31 µs (about 36 minutes). */
const BUCKETS = (32 - SUB_BITS) * SUB + 2 * SUB;

function indexOf(us: number): number {
  const msb = 31 - Math.clz32(us);
  const shift = Math.max(0, msb - SUB_BITS);
  return shift * SUB + (us >>> shift);
}

/** The largest value that falls into bucket `i`. */
function upperOf(i: number): number {
  if (i < 2 * SUB) return i;
  const shift = (i >> SUB_BITS) - 1;
  const mantissa = i - shift * SUB;
  return (mantissa + 1) * 2 ** shift - 1;
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  /** Largest recorded value, exact (µs). */
  maxUs = 0;

  /** Records `n` samples of `ms` milliseconds (rounded up to whole microseconds). */
  record(ms: number, n = 1): void {
    const us = Math.min(0x7fffffff, Math.max(0, Math.ceil(ms * 1000)));
    this.counts[indexOf(us)] += n;
    this.count += n;
    if (us > this.maxUs) this.maxUs = us;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    if (other.maxUs > this.maxUs) this.maxUs = other.maxUs;
  }

  /** The p-th percentile in milliseconds: the upper edge of the bucket holding that rank (never above the max). */
  percentileMs(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(upperOf(i), this.maxUs) / 1000;
    }
    return this.maxUs / 1000;
  }

  get maxMs(): number {
    return this.maxUs / 1000;
  }
}

export function mergeAll(hs: Histogram[]): Histogram {
  const out = new Histogram();
  for (const h of hs) out.merge(h);
  return out;
}
