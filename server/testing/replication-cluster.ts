// Test support: a replicated faha cluster on loopback — a primary and K backups, each on its own temporary
// directory and ephemeral port (via startFaha). Waits on INFO replication with bounded polling, promotes the most
// advanced backup, re-points the others; stops only its own processes by pid and removes only its own directories.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infoFields } from './info-fields.js';
import { RawClient } from './raw-client.js';
import { decodeReply } from './resp-frame.js';
import { startFaha, type RunningServer } from './servers.js';
import { buildVerbsDouble, verbsDoubleEnv } from './verbs-double.js';

export const HOST = '127.0.0.1';

/**
 * FAHA_TEST_REPLICATION_TRANSPORT=rdma runs every cluster over the RDMA transport through the libibverbs test double
 * (server/replication/over-rdma.test.ts runs the replication suite that way): each node gets
 * --replication-transport rdma and the double's environment, and a cluster counts as in sync only once every
 * backup's link carries batches by RDMA.
 */
const OVER_RDMA = process.env.FAHA_TEST_REPLICATION_TRANSPORT === 'rdma';
let rdmaNodeEnv: Record<string, string> | null = null;

/** The double, built once per test process into a temporary directory (removed at exit). */
function rdmaEnv(): Record<string, string> {
  if (rdmaNodeEnv === null) {
    const dir = mkdtempSync(join(tmpdir(), 'faha-verbs-double-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    rdmaNodeEnv = verbsDoubleEnv(buildVerbsDouble(dir), join(dir, 'state'));
    mkdirSync(join(dir, 'state'));
  }
  return rdmaNodeEnv;
}

export interface ClusterOptions {
  /** Backups started with the primary. */
  backups: number;
  /** Arguments every node gets (e.g. --sync-backups 2 --segment-size 1mb): any node may be promoted. */
  args?: string[];
  /** Arguments only the first primary gets (after `args`). */
  primaryArgs?: string[];
  /** How long a node may take to print "Ready to accept connections". */
  readyTimeoutMs?: number;
  /** How long waitInSync waits by default. */
  syncTimeoutMs?: number;
}

/** One node: its directory outlives its processes, so a killed node can come back on the same log. */
export class ClusterNode {
  server: RunningServer | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'faha-repl-'));

  constructor(readonly name: string) {}

  get up(): boolean {
    return this.server !== null;
  }

  get port(): number {
    if (this.server === null) throw new Error(`${this.name} is not running`);
    return this.server.port;
  }
}

/** INFO replication of the server on `port`, as field → value. */
export async function replicationInfo(port: number): Promise<Record<string, string>> {
  const c = await RawClient.connect(port);
  try {
    c.send('INFO', 'replication');
    return infoFields(await c.readRaw(5000));
  } finally {
    c.close();
  }
}

/** Sends one command on a fresh connection and returns its decoded reply (errors come back as Error values). */
export async function command(port: number, ...args: (string | number)[]): Promise<unknown> {
  const c = await RawClient.connect(port);
  try {
    c.send(...args);
    return decodeReply(await c.readRaw(10000)).value;
  } finally {
    c.close();
  }
}

/** The slaveK lines of a primary's INFO, parsed (ip, port, state, offset, lag). */
export function slaveLines(info: Record<string, string>): Record<string, string>[] {
  return Object.keys(info)
    .filter((k) => /^slave\d+$/.test(k))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .map((k) => Object.fromEntries(info[k].split(',').map((kv) => kv.split('=') as [string, string])));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` every `everyMs` until it returns null (done) or the deadline passes; the error names the last state. */
export async function pollUntil(what: string, timeoutMs: number, probe: () => Promise<string | null>, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '(never probed)';
  for (;;) {
    try {
      const why = await probe();
      if (why === null) return;
      last = why;
    } catch (err) {
      last = `probe failed: ${(err as Error).message}`;
    }
    if (Date.now() >= deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last: ${last}`);
    await sleep(everyMs);
  }
}

export class ReplicationCluster {
  readonly nodes: ClusterNode[] = [];
  primary: ClusterNode;
  private stopped = false;

  private constructor(
    private readonly opts: ClusterOptions,
    primary: ClusterNode,
  ) {
    this.primary = primary;
    this.nodes.push(primary);
  }

  /** Starts the primary and its backups, and waits until every backup is live. */
  static async start(opts: ClusterOptions): Promise<ReplicationCluster> {
    const cluster = new ReplicationCluster(opts, new ClusterNode('node0'));
    try {
      await cluster.launch(cluster.primary, [...(opts.args ?? []), ...(opts.primaryArgs ?? [])]);
      for (let i = 0; i < opts.backups; i++) await cluster.addBackup();
      await cluster.waitInSync();
    } catch (err) {
      const story = cluster.describe();
      await cluster.stopAll();
      throw new Error(`${(err as Error).message}\n${story}`);
    }
    return cluster;
  }

  /** Each node's port, pid, whether it has exited, and the tail of what it printed: for failure messages. */
  describe(lines = 12): string {
    return this.nodes
      .map((n) => {
        const s = n.server;
        if (s === null) return `${n.name}: down`;
        const state = s.proc.exitCode !== null || s.proc.signalCode !== null ? `exited (${s.proc.exitCode ?? s.proc.signalCode})` : 'running';
        const tail = s.output().trimEnd().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');
        return `${n.name}${n === this.primary ? ' (primary)' : ''}: port ${s.port}, pid ${s.pid}, ${state}\n${tail}`;
      })
      .join('\n');
  }

  /** The running nodes other than the primary. */
  get backups(): ClusterNode[] {
    return this.nodes.filter((n) => n !== this.primary && n.up);
  }

  private async launch(node: ClusterNode, extra: string[]): Promise<void> {
    const args = OVER_RDMA ? ['--replication-transport', 'rdma', ...extra] : extra;
    const env = OVER_RDMA ? rdmaEnv() : undefined;
    node.server = await startFaha({ dir: node.dir, args, env, timeoutMs: this.opts.readyTimeoutMs ?? 60000 });
  }

  /** Starts a new node as a backup of the current primary (not waiting for it to be live). */
  async addBackup(): Promise<ClusterNode> {
    const node = new ClusterNode(`node${this.nodes.length}`);
    this.nodes.push(node);
    await this.startAsBackup(node);
    return node;
  }

  /** (Re)starts `node` on its own directory as a backup of the current primary: how a killed node rejoins. */
  async startAsBackup(node: ClusterNode): Promise<void> {
    await this.startReplicaOf(node, this.primary.port);
  }

  /** (Re)starts `node` as a backup of whatever listens on `port` (maybe nothing: a backup whose primary is dead). */
  async startReplicaOf(node: ClusterNode, port: number): Promise<void> {
    if (node.up) throw new Error(`${node.name} is already running`);
    await this.launch(node, [...(this.opts.args ?? []), '--replicaof', HOST, String(port)]);
  }

  /** Sends `signal` to the node's process by pid; SIGKILL also waits for the process to be gone. */
  async kill(node: ClusterNode, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const s = node.server;
    if (s === null) return;
    s.kill(signal);
    if (signal === 'SIGKILL') {
      await s.exited;
      node.server = null;
    }
  }

  /** Why the cluster is not yet in sync (every backup's link up to the primary, the primary seeing each online), or null. */
  async syncState(): Promise<string | null> {
    const want = this.backups;
    for (const b of want) {
      const info = await replicationInfo(b.port);
      if (info.role !== 'slave' || info.master_port !== String(this.primary.port) || info.master_link_status !== 'up') {
        return `${b.name} (port ${b.port}): role ${info.role}, master_port ${info.master_port}, master_link_status ${info.master_link_status}`;
      }
      if (OVER_RDMA && !String(info.faha_link_transport).startsWith('rdma')) return `${b.name} (port ${b.port}): link transport ${info.faha_link_transport}`;
    }
    const info = await replicationInfo(this.primary.port);
    const online = new Set(slaveLines(info).filter((s) => s.state === 'online').map((s) => Number(s.port)));
    const missing = want.filter((b) => !online.has(b.port));
    if (info.role !== 'master' || missing.length > 0) {
      return `primary ${this.primary.name} (port ${this.primary.port}): role ${info.role}, connected_slaves ${info.connected_slaves}, ` +
        `${slaveLines(info).map((s) => `${s.port}:${s.state}`).join(' ')}; not online: ${missing.map((b) => b.port).join(' ')}`;
    }
    return null;
  }

  /** Waits (bounded polling) until every running backup is live with the primary. */
  async waitInSync(timeoutMs = this.opts.syncTimeoutMs ?? 20000): Promise<void> {
    await pollUntil('cluster in sync', timeoutMs, () => this.syncState());
  }

  /** Every running backup's slave_repl_offset (the LSN it has applied). */
  async offsets(): Promise<Map<ClusterNode, number>> {
    const out = new Map<ClusterNode, number>();
    for (const b of this.backups) out.set(b, Number((await replicationInfo(b.port)).slave_repl_offset));
    return out;
  }

  async primaryOffset(): Promise<number> {
    return Number((await replicationInfo(this.primary.port)).master_repl_offset);
  }

  /** Waits until every running backup's offset equals the primary's, i.e. the cluster has gone quiet and caught up. */
  async waitCaughtUp(timeoutMs = this.opts.syncTimeoutMs ?? 20000): Promise<number> {
    let at = -1;
    await pollUntil('backups caught up with the primary', timeoutMs, async () => {
      at = await this.primaryOffset();
      const offs = await this.offsets();
      const behind = [...offs].filter(([, o]) => o !== at);
      return behind.length === 0 ? null : `primary at ${at}; ${behind.map(([n, o]) => `${n.name} at ${o}`).join(', ')}`;
    });
    return at;
  }

  /**
   * Promotes the running backup with the highest offset (REPLICAOF NO ONE; `pick` breaks ties), re-points the other
   * running backups to it, and makes it the cluster's primary. Does not wait for the re-pointed backups to be live.
   */
  async promoteMostAdvanced(pick: (tied: ClusterNode[]) => ClusterNode = (t) => t[0]): Promise<{ promoted: ClusterNode; offsets: Map<ClusterNode, number> }> {
    const offsets = await this.offsets();
    if (offsets.size === 0) throw new Error('no running backup to promote');
    const top = Math.max(...offsets.values());
    const promoted = pick([...offsets].filter(([, o]) => o === top).map(([n]) => n));
    await this.promote(promoted);
    return { promoted, offsets };
  }

  /** REPLICAOF NO ONE on `node`, then REPLICAOF to it on every other running backup. */
  async promote(node: ClusterNode): Promise<void> {
    const others = this.backups.filter((b) => b !== node);
    const reply = await command(node.port, 'REPLICAOF', 'NO', 'ONE');
    if (reply !== 'OK') throw new Error(`REPLICAOF NO ONE on ${node.name}: ${String(reply)}`);
    this.primary = node;
    await pollUntil(`${node.name} promoted`, 10000, async () => {
      const role = (await replicationInfo(node.port)).role;
      return role === 'master' ? null : `role ${role}`;
    });
    for (const b of others) {
      const r = await command(b.port, 'REPLICAOF', HOST, node.port);
      if (r !== 'OK') throw new Error(`REPLICAOF ${HOST} ${node.port} on ${b.name}: ${String(r)}`);
    }
  }

  /** SIGKILLs every node still running (a stopped one is resumed first so nothing lingers) and removes the directories. */
  async stopAll(keep = false): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const n of this.nodes) {
      n.server?.kill('SIGCONT');
      await this.kill(n, 'SIGKILL');
      if (!keep) rmSync(n.dir, { recursive: true, force: true });
    }
  }
}
