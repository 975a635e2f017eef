// The words faha-check-log prints: one line per segment, strays and notes, the verdict, and what --fix would lose.
// Pure formatting of a CheckResult; no file access.
import type { CheckResult, SegmentReport } from './check-log.js';

/** "1 record", "2 records". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function batches(n: number): string {
  return n === 1 ? '1 good batch' : `${n} good batches`;
}

function lsnRange(first: number, last: number): string {
  return first === 0 ? 'LSN -' : `LSN ${first}-${last}`;
}

function segmentLine(s: SegmentReport, res: CheckResult): string {
  if (s.missing) return `${s.file}  MISSING`;
  const parts = [`${s.file}  size ${s.size}  used ${s.used}  batches ${s.batches}  records ${s.records}  ${lsnRange(s.firstLSN, s.lastLSN)}`];
  if (res.bad !== null && res.segments[res.bad.index] === s) parts.push(`  bad spot at offset ${res.bad.offset}`);
  if (s.afterBad.batches > 0) parts.push(`  after the bad spot: batches ${s.afterBad.batches}  records ${s.afterBad.records}`);
  return parts.join('');
}

/** What a truncation at the cut throws away, in one sentence. */
export function describeLoss(res: CheckResult): string {
  if (res.cut === null) return 'Nothing to truncate.';
  const cutFile = res.segments[res.cut.index].file;
  const l = res.lost;
  const files = l.files.length === 0 ? '' : ` Segment files removed: ${l.files.join(', ')}.`;
  return `This will truncate the log at ${cutFile} offset ${res.cut.offset}, discarding ${count(res.discardedBytes, 'byte')} of data from there on: ${batches(l.batches)}, ${count(l.records, 'record')} are lost.${files}`;
}

export function verdictLines(res: CheckResult): string[] {
  const total = res.segments.reduce((n, s) => n + s.records, 0);
  if (res.verdict === 'OK') return [`Verdict: OK (${count(res.segments.length, 'segment')}, ${count(total, 'record')})`];
  const bad = res.bad!;
  const head = `Verdict: ${res.verdict} at ${bad.file} offset ${bad.offset}: ${bad.reason}`;
  if (res.verdict === 'TORN TAIL') {
    return [head, `The log ends in ${count(res.discardedBytes, 'byte')} that never became a complete batch; faha-server zeroes them by itself at start (or use --fix).`];
  }
  const l = res.lost;
  return [
    head,
    `After the bad spot: ${batches(l.batches)}, ${count(l.records, 'record')}, ${count(l.bytes, 'byte')}, which truncating there would lose. Use --fix to truncate the log at the last good batch.`,
  ];
}

/** The full report; `quiet` keeps only the verdict. */
export function formatReport(res: CheckResult, quiet: boolean): string {
  if (quiet) return verdictLines(res).join('\n') + '\n';
  const lines = [`Checking faha log ${res.logDir} (MANIFEST: epoch ${res.epoch}, ${count(res.segments.length, 'segment')})`];
  for (const s of res.segments) lines.push(segmentLine(s, res));
  for (const f of res.strays) lines.push(`Stray segment file ${f} is not named by the MANIFEST (left by a crash between a MANIFEST update and a file deletion; faha-server does not read it).`);
  for (const n of res.notes) lines.push(`Note: ${n}`);
  lines.push(...verdictLines(res));
  return lines.join('\n') + '\n';
}
