// Shows how far recovery has got on a large log: a progress bar on stderr (cli-progress) when stderr is a terminal,
// else a log line every few seconds; and words the summary logged once recovery ends. Presentation only: the
// numbers come from engine/recovery.ts, which must not know how they are shown.
import { SingleBar } from 'cli-progress';

export interface ProgressOptions {
  /** Where a bar is drawn; there is a bar only when this is a terminal. */
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** How a progress line is logged when there is no terminal (the server's logger). */
  log: (line: string) => void;
  /** Logs bigger than this show progress from the start... */
  minBytes: number;
  /** ...smaller ones once loading has lasted this long. */
  minMillis: number;
  /** Between two progress lines (no terminal). */
  intervalMs: number;
  now: () => number;
}

/** More than one default-sized segment (64 MiB), or a second of loading: below that progress is noise. */
export const DEFAULT_PROGRESS: Omit<ProgressOptions, 'stream' | 'log'> = {
  minBytes: 64 * 1024 * 1024,
  minMillis: 1000,
  intervalMs: 2000,
  now: Date.now,
};

/** "412 MB", "1.1 GB" (powers of 1000, as the labels say). */
export function humanBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(0)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} kB`;
  return `${n} B`;
}

export function progressLine(scanned: number, total: number, millis: number): string {
  const pct = total === 0 ? 100 : Math.floor((scanned / total) * 100);
  return `Loading the log: ${pct}% (${humanBytes(scanned)} of ${humanBytes(total)}), ${(millis / 1000).toFixed(1)} s`;
}

export interface RecoverySummary {
  keys: number;
  records: number;
  /** Bytes of the log replayed (its logical length). */
  bytes: number;
  millis: number;
}

/** The line logged when recovery ends; "DB loaded from log: … in X seconds" is what tools and tests look for. */
export function summaryLine(s: RecoverySummary): string {
  const secs = s.millis / 1000;
  const rate = secs > 0 ? `${humanBytes(Math.round(s.bytes / secs))}/s` : 'instant';
  return `DB loaded from log: ${s.keys} keys from ${s.records} records (${humanBytes(s.bytes)}) in ${secs.toFixed(3)} seconds (${rate})`;
}

export class RecoveryProgressReporter {
  private readonly o: ProgressOptions;
  private readonly started: number;
  private lastLine: number;
  private bar: SingleBar | null = null;

  constructor(opts: Partial<ProgressOptions> & Pick<ProgressOptions, 'stream' | 'log'>) {
    this.o = { ...DEFAULT_PROGRESS, ...opts };
    this.started = this.o.now();
    this.lastLine = this.started;
  }

  /** Recovery's RecoveryProgress callback. */
  readonly onProgress = (scanned: number, total: number): void => {
    const now = this.o.now();
    if (total <= this.o.minBytes && now - this.started < this.o.minMillis) return;
    if (this.o.stream.isTTY === true) this.drawBar(scanned, total);
    else if (now - this.lastLine >= this.o.intervalMs) {
      this.lastLine = now;
      this.o.log(progressLine(scanned, total, now - this.started));
    }
  };

  /** Takes the bar down (before the summary is logged). */
  finish(): void {
    this.bar?.stop();
    this.bar = null;
  }

  private drawBar(scanned: number, total: number): void {
    const payload = { done: humanBytes(scanned), size: humanBytes(total) };
    if (this.bar === null) {
      // The event loop is blocked while recovery runs: synchronous redraws are the only ones that happen.
      this.bar = new SingleBar({
        stream: this.o.stream,
        format: 'Loading the log [{bar}] {percentage}% | {done} of {size} | {duration_formatted}',
        synchronousUpdate: true,
        hideCursor: false,
        clearOnComplete: false,
      });
      this.bar.start(total, scanned, payload);
    } else {
      this.bar.update(scanned, payload);
    }
  }
}
