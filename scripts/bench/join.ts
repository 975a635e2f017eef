// The join benchmark (--join, issue 6): a faha primary holding N keys under a client load (join-load.ts) is joined by
// a new backup; reports the time to master_link_status:up, full sync or catch-up (the primary's log), the clients'
// errors and throughput before / during / after the join, and whether the backup then holds the primary's data.
// Measures only: starts and stops its own two servers, never touches the replication code.
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { command } from '../../server/testing/replication-cluster.js';
import { infoLines } from './info-lines.js';
import { JoinLoad, rate, type JoinLoadResult, type PhaseStats } from './join-load.js';
import { keyName } from './key-commands.js';
import { checkFreeSpace } from './memory.js';
import { preload } from './preload.js';
import { rawCommand } from './raw-command.js';
import { MODE_ARGS, onlineBackups } from './servers.js';
import { startSolo, type SoloServer } from './solo-server.js';
import { seededRandom } from './zipfian.js';

export interface JoinBenchOptions {
  keys: number;
  valueSize: number;
  clients: number;
  pipeline: number;
  readRatio: number;
  /** 1: once the backup is live, the primary's writes wait for it (CONFIG SET sync-backups 1). */
  syncBackups: number;
  /** BGREWRITEAOF on the primary after loading: its first segments are freed, so the backup needs a full sync. */
  fullSync: boolean;
  /** Seconds of load measured before the join and after it. */
  seconds: number;
  /** Random keys compared on both nodes at the end. */
  sample: number;
  seed: number;
  tmpRoot: string;
  log: (line: string) => void;
}

const HOST = '127.0.0.1';
const WARMUP_MS = 1000;
const POLL_MS = 50;
/** Bounds the wait for the backup's link: a 1M-key join took well under this on this machine. */
const LINK_TIMEOUT_MS = 300_000;
const CATCH_UP_TIMEOUT_MS = 60_000;
const GRACE_MS = 10_000;

const fmt = (x: number, digits = 0): string => x.toFixed(digits);

/** 'full sync' or 'catch-up' as the primary's log tells it for the backup on `port`, with the line itself. */
export function syncKind(primaryLog: string, port: number): { kind: 'full sync' | 'catch-up' | 'unknown'; line: string } {
  const lines = primaryLog.split('\n');
  const full = lines.find((l) => new RegExp(`full sync\\b.*:${port}\\b`, 'i').test(l));
  if (full !== undefined) return { kind: 'full sync', line: full.trim() };
  const cont = lines.find((l) => new RegExp(`Backup \\S*:${port} continues from LSN`).test(l));
  if (cont !== undefined) return { kind: 'catch-up', line: cont.trim() };
  return { kind: 'unknown', line: '' };
}

/** The lines of a server's log about replication (sync, links, backups, NOREPLICAS, errors). */
export function replicationLines(output: string): string[] {
  return output.split('\n').map((l) => l.trim()).filter((l) => /sync|backup|primary|link|NOREPLICAS|error|fail|lost/i.test(l));
}

async function replicationField(port: number, field: string): Promise<string | undefined> {
  const line = (await infoLines(port, 'replication')).find((l) => l.startsWith(`${field}:`));
  return line?.slice(field.length + 1);
}

/** Polls (bounded) until `probe` is true; returns the ms it took from `since`. */
async function pollUntil(what: string, timeoutMs: number, since: number, probe: () => Promise<boolean>): Promise<number> {
  for (;;) {
    try {
      if (await probe()) return Date.now() - since;
    } catch {
      // A node still starting may refuse a connection: polled again.
    }
    if (Date.now() - since > timeoutMs) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/** BGREWRITEAOF (a full cleaning pass in faha), waited for; returns its ms. */
async function cleanWholeLog(port: number): Promise<number> {
  const since = Date.now();
  await rawCommand(port, ['BGREWRITEAOF']);
  return pollUntil('BGREWRITEAOF finished', LINK_TIMEOUT_MS, since, async () => (await infoLines(port, 'persistence')).includes('aof_rewrite_in_progress:0'));
}

/** CONFIG SET sync-backups on the primary once its backup is live, and what its INFO then says. */
async function syncWithBackup(port: number, o: JoinBenchOptions): Promise<void> {
  const reply = await rawCommand(port, ['CONFIG', 'SET', 'sync-backups', String(o.syncBackups)]);
  const info = (await infoLines(port, 'replication')).filter((l) => /^(faha_sync_backups|slave\d+):/.test(l));
  o.log(`[join] CONFIG SET sync-backups ${o.syncBackups} on the primary: ${reply}; then ${info.join(' ')}`);
}

async function dbsize(port: number): Promise<number> {
  return Number((await rawCommand(port, ['DBSIZE'])).slice(1));
}

/** `n` random preloaded keys (seeded), fetched with one MGET on each node; returns the keys that differ. */
async function compareSample(primary: number, backup: number, o: JoinBenchOptions): Promise<string[]> {
  const random = seededRandom(o.seed + 7);
  const keys = Array.from({ length: Math.min(o.sample, o.keys) }, () => keyName(Math.floor(random() * o.keys)));
  const [a, b] = (await Promise.all([command(primary, 'MGET', ...keys), command(backup, 'MGET', ...keys)])) as unknown[][];
  return keys.filter((_, i) => String(a[i]) !== String(b[i]) || a[i] === null);
}

function phaseLine(p: PhaseStats | undefined): string {
  if (p === undefined) return 'not reached';
  const l = p.latency;
  return `${fmt(rate(p))} replies/s over ${fmt((p.endMs - p.startMs) / 1000, 1)} s, p50 ${fmt(l.percentileMs(50), 2)} ms, ` +
    `p99 ${fmt(l.percentileMs(99), 2)} ms, max ${fmt(l.maxMs, 1)} ms, ${p.bad} bad replies`;
}

/** One row per second: replies, bad ones, the slowest reply, and the phase that started in it. */
function timeline(r: JoinLoadResult): string {
  const starts = new Map<number, string[]>();
  for (const p of r.tally.phases) {
    const s = Math.floor(p.startMs / 1000);
    starts.set(s, [...(starts.get(s) ?? []), `${p.name} at ${fmt(p.startMs / 1000, 2)} s`]);
  }
  const last = r.tally.seconds.length - 1;
  return r.tally.seconds
    .map((s, i) => `  ${String(i).padStart(4)} s  ${String(s.replies).padStart(7)} replies  max ${fmt(s.maxMs, 1).padStart(7)} ms` +
      `${s.bad > 0 ? `  ${s.bad} bad` : ''}${starts.has(i) ? `  <- ${starts.get(i)!.join(', ')}` : ''}${i === last ? '  (partial second)' : ''}`)
    .join('\n');
}

interface Joined {
  readyMs: number;
  upMs: number;
  onlineMs: number;
}

/** Starts the backup and waits for its link and for the primary to count it online; times from its spawn. */
async function join(primary: SoloServer, o: JoinBenchOptions, args: string[]): Promise<{ backup: SoloServer; t: Joined }> {
  const t0 = Date.now();
  const backup = await startSolo('faha', o.tmpRoot, [...args, '--replicaof', HOST, String(primary.server.port)]);
  const readyMs = Date.now() - t0;
  const port = backup.server.port;
  try {
    const upMs = await pollUntil(`backup ${port} master_link_status:up`, LINK_TIMEOUT_MS, t0, async () => (await replicationField(port, 'master_link_status')) === 'up');
    const onlineMs = await pollUntil('the primary counts the backup online', LINK_TIMEOUT_MS, t0, async () => onlineBackups(await infoLines(primary.server.port, 'replication')) >= 1);
    return { backup, t: { readyMs, upMs, onlineMs } };
  } catch (err) {
    o.log(`[join] backup log:\n${backup.server.output()}\n[join] primary's replication lines:\n${replicationLines(primary.server.output()).join('\n')}`);
    await backup.stop();
    throw err;
  }
}

async function caughtUp(primary: number, backup: number): Promise<number> {
  const since = Date.now();
  return pollUntil('backup caught up with the primary', CATCH_UP_TIMEOUT_MS, since, async () => {
    const [p, b] = await Promise.all([replicationField(primary, 'master_repl_offset'), replicationField(backup, 'slave_repl_offset')]);
    return p !== undefined && p === b;
  });
}

function describeLoad(r: JoinLoadResult): string {
  const problems = r.errorReplies + r.wrongReplies + r.connectionErrors + r.unanswered;
  return `${r.errorReplies} error replies, ${r.wrongReplies} wrong replies, ${r.connectionErrors} connection errors, ${r.unanswered} unanswered at stop` +
    (problems > 0 ? ` (first: ${r.firstProblem})` : '') + `; generator ${fmt(r.generatorCores * 100)}% of a core`;
}

/** Runs one join; returns the problems seen (client errors, wrong replies, data differences): 0 is a pass. */
export async function joinBench(o: JoinBenchOptions): Promise<number> {
  checkFreeSpace(o.tmpRoot, 2 * o.keys, o.valueSize);
  const args = MODE_ARGS.durable.faha;
  o.log(`\n[join] ${o.keys} keys x ${o.valueSize} B; load: ${o.clients} connections x ${o.pipeline} in flight, ${fmt(o.readRatio * 100)}% GET / ` +
    `${fmt(100 - o.readRatio * 100)}% SET; faha ${args.join(' ')}; sync-backups ${o.syncBackups} once the backup is live; load average ${loadavg().map((x) => fmt(x, 2)).join(' ')}`);
  const primary = await startSolo('faha', o.tmpRoot, args);
  let backup: SoloServer | null = null;
  try {
    const pport = primary.server.port;
    const loaded = await preload({ port: pport, keys: o.keys, valueSize: o.valueSize });
    o.log(`[join] primary pid ${primary.server.pid} port ${pport}: loaded ${o.keys} keys in ${fmt(loaded.seconds, 1)} s; DBSIZE ${await dbsize(pport)}`);
    if (o.fullSync) o.log(`[join] BGREWRITEAOF on the primary (a full cleaning pass) took ${await cleanWholeLog(pport)} ms`);

    const load = new JoinLoad({ port: pport, clients: o.clients, pipeline: o.pipeline, keys: o.keys, valueSize: o.valueSize, readRatio: o.readRatio, random: seededRandom(o.seed) }, 'warm-up');
    await load.start();
    await sleep(WARMUP_MS);
    load.phase('before');
    await sleep(o.seconds * 1000);
    load.phase('join');
    const j = await join(primary, o, args);
    backup = j.backup;
    load.phase('after');
    if (o.syncBackups > 0) await syncWithBackup(pport, o);
    await sleep(o.seconds * 1000);
    const r = await load.stop(GRACE_MS);

    const bport = backup.server.port;
    const sync = syncKind(primary.server.output(), bport);
    o.log(`[join] backup pid ${backup.server.pid} port ${bport}: ready (listening) ${j.t.readyMs} ms after its start, master_link_status:up after ${j.t.upMs} ms, ` +
      `online on the primary after ${j.t.onlineMs} ms; ${sync.kind}${sync.line === '' ? '' : ` ("${sync.line}")`}`);
    o.log(`[join] primary's replication log:\n  ${replicationLines(primary.server.output()).join('\n  ')}`);
    o.log(`[join] backup's replication log:\n  ${replicationLines(backup.server.output()).join('\n  ')}`);
    o.log(`[join] clients over the whole run: ${describeLoad(r)}`);
    for (const name of ['before', 'join', 'after']) o.log(`[join] ${name.padEnd(6)}: ${phaseLine(r.tally.byName(name))}`);
    o.log(`[join] per second (from the load's start):\n${timeline(r)}`);

    const catchUpMs = await caughtUp(pport, bport);
    const [dp, db] = await Promise.all([dbsize(pport), dbsize(bport)]);
    const differ = await compareSample(pport, bport, o);
    o.log(`[join] after the load (backup caught up in ${catchUpMs} ms): DBSIZE primary ${dp}, backup ${db}${dp === db ? ' (equal)' : ' (DIFFERENT)'}; ` +
      `${Math.min(o.sample, o.keys)} random keys: ${differ.length === 0 ? 'all equal' : `${differ.length} differ or are missing, e.g. ${differ.slice(0, 5).join(' ')}`}`);
    return r.errorReplies + r.wrongReplies + r.connectionErrors + r.unanswered + differ.length + (dp === db ? 0 : 1);
  } finally {
    await Promise.all([primary.stop(), backup?.stop()]);
  }
}
