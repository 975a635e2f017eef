// The replication benchmark's WAIT load (redis-benchmark cannot send WAIT): C connections, each looping "P SETs on
// random key:%012d keys, then WAIT n 0", the next pipeline sent once all P+1 replies are in; counts SETs and
// per-pipeline latency, every reply checked. Knows nothing of which server it measures or of its replicas.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Histogram } from '../soak/histogram.js';
import { openConnection } from './in-flight.js';
import { put, setTemplate, type CommandTemplate } from './key-commands.js';
import { ERROR, INTEGER, ReplyFramer, SIMPLE } from './resp-replies.js';

export interface WaitLoadParams {
  port: number;
  clients: number;
  /** SETs before each WAIT. */
  pipeline: number;
  /** Keys are drawn uniformly from [0, keyspace), like redis-benchmark -r. */
  keyspace: number;
  /** redis-benchmark's default is 3. */
  valueSize: number;
  /** WAIT's numreplicas; its timeout is always 0 (wait for as long as it takes). */
  waitReplicas: number;
  seconds: number;
  /** After the measured window, how long connections may take to finish their pipeline before they are cut (a WAIT
   *  that can never be satisfied blocks forever). */
  graceSeconds: number;
  random: () => number;
}

export interface WaitLoadResult {
  /** SETs of the pipelines completed inside the measured window. */
  sets: number;
  setsPerSecond: number;
  pipelines: number;
  /** From writing a pipeline to WAIT's reply. */
  latency: Histogram;
  errors: number;
  /** SET replies other than +OK, WAIT replies below waitReplicas. */
  wrongReplies: number;
  firstProblem: string;
  /** Connections cut after the grace period with a pipeline still unanswered. */
  unanswered: number;
  /** The generator's CPU over the window, in cores (near 1: it may be the bottleneck). */
  generatorCores: number;
}

/** Counts the replies of one pipeline in order: `pipeline` SET replies, then WAIT's integer. Pure. */
export class PipelineTally {
  private received = 0;
  errors = 0;
  wrongReplies = 0;
  firstProblem = '';

  constructor(private readonly pipeline: number, private readonly waitReplicas: number) {}

  /** Takes one reply (its type byte, and for an integer its value); true when it completed the pipeline, which
   *  starts the next one. `errorText` is read only for an error reply. */
  reply(kind: number, value: number, errorText: () => string): boolean {
    const isWait = this.received === this.pipeline;
    if (kind === ERROR) {
      this.errors++;
      this.problem(`${isWait ? 'WAIT' : 'SET'} replied ${errorText()}`);
    } else if (isWait ? kind !== INTEGER || value < this.waitReplicas : kind !== SIMPLE) {
      this.wrongReplies++;
      const what = kind === INTEGER ? `integer ${value}` : `type ${String.fromCharCode(kind)}`;
      this.problem(`${isWait ? `WAIT ${this.waitReplicas} 0` : 'SET'} replied ${what}`);
    }
    if (!isWait) {
      this.received++;
      return false;
    }
    this.received = 0;
    return true;
  }

  /** Replies still missing for the pipeline in flight (0 between pipelines). */
  get outstanding(): number {
    return this.received === 0 ? 0 : this.pipeline + 1 - this.received;
  }

  private problem(text: string): void {
    if (this.firstProblem === '') this.firstProblem = text;
  }
}

function waitCommand(replicas: number): Buffer {
  const n = String(replicas);
  return Buffer.from(`*3\r\n$4\r\nWAIT\r\n$${n.length}\r\n${n}\r\n$1\r\n0\r\n`, 'latin1');
}

export class WaitLoad {
  private measuring = false;
  private stopping = false;
  private readonly r: WaitLoadResult = { sets: 0, setsPerSecond: 0, pipelines: 0, latency: new Histogram(), errors: 0, wrongReplies: 0, firstProblem: '', unanswered: 0, generatorCores: 0 };
  private readonly set: CommandTemplate;
  private readonly wait: Buffer;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly p: WaitLoadParams) {
    this.set = setTemplate(p.valueSize);
    this.wait = waitCommand(p.waitReplicas);
  }

  async run(): Promise<WaitLoadResult> {
    const socks = await Promise.all(Array.from({ length: this.p.clients }, () => this.open()));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    this.measuring = true;
    const loops = socks.map((s) => this.loop(s));
    await new Promise((r) => setTimeout(r, this.p.seconds * 1000));
    this.measuring = false;
    this.stopping = true;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cut = setTimeout(() => this.cutStragglers(), this.p.graceSeconds * 1000);
    await Promise.all(loops);
    clearTimeout(cut);
    this.r.setsPerSecond = this.r.sets / seconds;
    this.r.generatorCores = (cpu.user + cpu.system) / 1e6 / seconds;
    return this.r;
  }

  private async open(): Promise<Socket> {
    const sock = await openConnection(this.p.port);
    this.sockets.add(sock);
    return sock;
  }

  /** Connections still waiting after the grace period are destroyed; their loops end as unanswered. */
  private cutStragglers(): void {
    for (const s of this.sockets) s.destroy();
  }

  private send(sock: Socket): number {
    const buf = Buffer.allocUnsafe(this.p.pipeline * this.set.bytes.length + this.wait.length);
    let at = 0;
    for (let i = 0; i < this.p.pipeline; i++) at = put(buf, at, this.set, Math.floor(this.p.random() * this.p.keyspace));
    this.wait.copy(buf, at);
    sock.write(buf);
    return performance.now();
  }

  /** Resolves once the connection has finished (after the window) or was cut; never rejects: problems are counted. */
  private loop(sock: Socket): Promise<void> {
    return new Promise((resolve) => {
      const tally = new PipelineTally(this.p.pipeline, this.p.waitReplicas);
      let sentAt = 0;
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        this.sockets.delete(sock);
        this.r.errors += tally.errors;
        this.r.wrongReplies += tally.wrongReplies;
        if (this.r.firstProblem === '') this.r.firstProblem = tally.firstProblem;
        sock.destroy();
        resolve();
      };
      const framer = new ReplyFramer((kind, value) => {
        if (!tally.reply(kind, value, () => framer.firstError)) return;
        if (this.measuring) {
          this.r.sets += this.p.pipeline;
          this.r.pipelines++;
          this.r.latency.record(performance.now() - sentAt);
        }
        if (this.stopping) finish();
        else sentAt = this.send(sock);
      });
      sock.on('data', (chunk: Buffer) => framer.feed(chunk));
      sock.once('close', () => {
        if (finished) return;
        this.r.unanswered++;
        if (!this.stopping && this.r.firstProblem === '') this.r.firstProblem = `connection to port ${this.p.port} closed mid-run`;
        finish();
      });
      sock.on('error', () => undefined);
      sentAt = this.send(sock);
    });
  }
}
