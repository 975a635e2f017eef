// Starts the two servers a benchmark mode compares, with matching durability, or a primary with backups (replicas),
// their data directories side by side on one filesystem (the repository's, not /dev/shm, unless --tmp says
// otherwise), and removes everything after; a faha replica set may run its links over TCP or over RDMA through the
// libibverbs test double (built by the caller). Starting and stopping only: no measurements.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';
import { startFaha, startRedis, type RunningServer } from '../../server/testing/servers.js';
import { verbsDoubleEnv } from '../../server/testing/verbs-double.js';
import { infoLines } from './info-lines.js';
import type { BenchMode, BenchTransport } from './options.js';
import type { ServerKind } from './solo-server.js';

export interface ServerPair {
  redis: RunningServer;
  faha: RunningServer;
  /** The persistence backend faha reported at start-up. */
  backend: string;
  stop(): Promise<void>;
}

/** What each mode asks of each server: the same durability promise on both sides. */
export const MODE_ARGS: Record<BenchMode, { redis: string[]; faha: string[] }> = {
  durable: { redis: ['--appendonly', 'yes', '--appendfsync', 'always'], faha: ['--appendfsync', 'always'] },
  memory: { redis: ['--appendonly', 'no', '--save', ''], faha: ['--appendfsync', 'no'] },
};

const liveRoots = new Set<string>();

/** Removes every data directory still present (also on Ctrl-C). */
export function removeTempDirs(): void {
  for (const d of liveRoots) rmSync(d, { recursive: true, force: true });
  liveRoots.clear();
}

/** The system temp dir when it shares the repository's filesystem, else a directory inside the repository. */
function defaultTmpRoot(): string {
  const t = tmpdir();
  if (!t.startsWith('/dev/shm') && statSync(t).dev === statSync(PROJECT_ROOT).dev) return t;
  const inRepo = join(PROJECT_ROOT, '.bench-tmp');
  mkdirSync(inRepo, { recursive: true });
  return inRepo;
}

export function tmpRootFor(requested: string): string {
  return requested !== '' ? requested : defaultTmpRoot();
}

/** A fresh directory under `tmpRoot`, also removed by removeTempDirs (Ctrl-C). */
export function tempRoot(tmpRoot: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpRoot, 'faha-bench-'));
  liveRoots.add(root);
  return {
    root,
    remove: () => {
      rmSync(root, { recursive: true, force: true });
      liveRoots.delete(root);
    },
  };
}

function backendOf(faha: RunningServer): string {
  const m = /Persistence backend: (.*)/.exec(faha.output());
  return m === null ? "unknown (not in faha's start-up log)" : m[1].trim();
}

/** faha alone (the smoke run). */
export async function startFahaOnly(mode: BenchMode, tmpRoot: string): Promise<{ faha: RunningServer; backend: string; stop(): Promise<void> }> {
  const t = tempRoot(tmpRoot);
  let faha: RunningServer;
  try {
    faha = await startFaha({ dir: t.root, args: MODE_ARGS[mode].faha });
  } catch (err) {
    t.remove();
    throw err;
  }
  const stop = async () => {
    await faha.stop(false);
    t.remove();
  };
  return { faha, backend: backendOf(faha), stop };
}

export async function startPair(mode: BenchMode, tmpRoot: string): Promise<ServerPair> {
  const t = tempRoot(tmpRoot);
  const [redisDir, fahaDir] = [join(t.root, 'redis'), join(t.root, 'faha')];
  mkdirSync(redisDir);
  mkdirSync(fahaDir);
  let redis: RunningServer | null = null;
  let faha: RunningServer | null = null;
  const stop = async () => {
    await Promise.all([redis?.stop(false), faha?.stop(false)]);
    t.remove();
  };
  try {
    redis = await startRedis({ dir: redisDir, args: MODE_ARGS[mode].redis });
    faha = await startFaha({ dir: fahaDir, args: MODE_ARGS[mode].faha });
  } catch (err) {
    await stop();
    throw err;
  }
  return { redis, faha, backend: backendOf(faha), stop };
}

/** A primary and its backups (Redis: replicas), each in its own data directory. */
export interface ReplicaSet {
  primary: RunningServer;
  backups: RunningServer[];
  stop(): Promise<void>;
}

/** How a faha replica set's links carry batches: --replication-transport on every node; rdma needs the test
 *  double's shared object (FAHA_IBVERBS_LIB). */
export type LinkSetup = { transport: 'tcp' } | { transport: 'rdma'; doubleSo: string };

/** Bounds the wait for every backup's link: a full sync of an empty dataset takes well under a second. */
const LINK_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/** Every node persists each write before it answers or acknowledges it (Redis replicas: before the ack WAIT counts). */
function replicaSetArgs(kind: ServerKind, backups: number): { primary: string[]; backup: string[] } {
  const durable = MODE_ARGS.durable[kind];
  // Redis's diskless sync otherwise waits 5 s for more replicas before the first transfer: start-up time only.
  if (kind === 'redis') return { primary: [...durable, '--repl-diskless-sync-delay', '0'], backup: durable };
  // 0 is faha's default: the baseline is a plain faha, the same process a deployment without backups runs.
  return { primary: [...durable, ...(backups > 0 ? ['--sync-backups', String(backups)] : [])], backup: durable };
}

/** A backup of the server on `primaryPort` (redis-server's command-line form of replicaof: host and port). */
export function startBackup(kind: ServerKind, primaryPort: number, dir: string, args: string[], env?: Record<string, string>): Promise<RunningServer> {
  const opts = { dir, args: [...args, '--replicaof', '127.0.0.1', String(primaryPort)], env };
  return kind === 'faha' ? startFaha(opts) : startRedis(opts);
}

/** Backups the primary's INFO replication shows online (slaveN lines with state=online; connected_slaves when
 *  its lines carry no state). */
export function onlineBackups(primaryInfo: string[]): number {
  const slaves = primaryInfo.filter((l) => /^slave\d+:/.test(l));
  if (slaves.some((l) => /(^|[:,])state=/.test(l))) return slaves.filter((l) => /(^|[:,])state=online(,|$)/.test(l)).length;
  const m = primaryInfo.map((l) => /^connected_slaves:(\d+)$/.exec(l)).find((x) => x !== null);
  return m ? Number(m[1]) : 0;
}

async function linkUp(port: number): Promise<boolean> {
  return (await infoLines(port, 'replication')).includes('master_link_status:up');
}

/** A backup's faha_link_transport: "tcp", or "rdma,rdma_batches=…,tcp_batches=…" once its queue pair is connected. */
async function linkTransport(port: number): Promise<string> {
  const line = (await infoLines(port, 'replication')).find((l) => l.startsWith('faha_link_transport:'));
  return line === undefined ? '(no faha_link_transport in INFO replication)' : line.slice('faha_link_transport:'.length);
}

/** Polls (bounded) until every backup's INFO shows its link on `transport` (rdma: the queue pairs are connected). */
export async function waitForTransport(backups: RunningServer[], transport: BenchTransport, timeoutMs = LINK_TIMEOUT_MS): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await Promise.all(backups.map((b) => linkTransport(b.port)));
    if (shown.every((t) => t === transport || t.startsWith(`${transport},`))) return shown;
    if (Date.now() > deadline) {
      const which = backups.map((b, i) => `port ${b.port}: ${shown[i]}`).join('; ');
      throw new Error(`backups not on ${transport} after ${timeoutMs} ms (faha_link_transport ${which})`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Polls (bounded) until every backup reports master_link_status:up and the primary counts them all online. */
export async function waitForLinks(set: Pick<ReplicaSet, 'primary' | 'backups'>, timeoutMs = LINK_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const ups = await Promise.all(set.backups.map((b) => linkUp(b.port)));
      const online = set.backups.length === 0 ? 0 : onlineBackups(await infoLines(set.primary.port, 'replication'));
      if (ups.every(Boolean) && online >= set.backups.length) return;
      last = `${ups.filter(Boolean).length} of ${set.backups.length} backups linked, primary counts ${online} online`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`backups of port ${set.primary.port} not in sync after ${timeoutMs} ms: ${last}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** What every faha node of a set with backups gets for `link`: its flag, and for rdma the double's environment with
 *  a state directory (sockets, MR registries) of this set only, inside `root` so it goes with the set. */
function linkSetup(link: LinkSetup | undefined, root: string): { args: string[]; env?: Record<string, string> } {
  if (link === undefined) return { args: [] };
  const args = ['--replication-transport', link.transport];
  if (link.transport === 'tcp') return { args };
  const stateDir = join(root, 'verbs');
  mkdirSync(stateDir);
  return { args, env: verbsDoubleEnv(link.doubleSo, stateDir) };
}

/**
 * A durable primary with `backups` backups (faha: --sync-backups N), all linked before it resolves. `link` (faha
 * with backups only) sets every node's transport, and the set is ready only once every backup's link is on it.
 */
export async function startReplicaSet(kind: ServerKind, backups: number, tmpRoot: string, link?: LinkSetup): Promise<ReplicaSet> {
  if (link !== undefined && (kind !== 'faha' || backups === 0)) throw new Error('a link transport is for a faha primary with backups');
  const t = tempRoot(tmpRoot);
  const base = replicaSetArgs(kind, backups);
  const ls = linkSetup(link, t.root);
  const args = { primary: [...base.primary, ...ls.args], backup: [...base.backup, ...ls.args] };
  let primary: RunningServer | null = null;
  const started: RunningServer[] = [];
  const stop = async () => {
    await Promise.all([primary?.stop(false), ...started.map((b) => b.stop(false))]);
    t.remove();
  };
  try {
    const dirOf = (name: string): string => {
      const d = join(t.root, name);
      mkdirSync(d);
      return d;
    };
    primary = await (kind === 'faha' ? startFaha : startRedis)({ dir: dirOf('primary'), args: args.primary, env: ls.env });
    for (let i = 1; i <= backups; i++) started.push(await startBackup(kind, primary.port, dirOf(`backup${i}`), args.backup, ls.env));
    await waitForLinks({ primary, backups: started });
    if (link !== undefined) await waitForTransport(started, link.transport);
  } catch (err) {
    await stop();
    throw err;
  }
  return { primary, backups: started, stop };
}
