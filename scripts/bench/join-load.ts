// The join benchmark's client load: C connections each keeping P GETs/SETs in flight on the preloaded key:%012d keys
// (uniform draws), running until told to stop, every reply checked; SET values carry a sequence number so copies
// can be told apart. Counts per phase and per second (JoinTally); knows no server state and never stops a server.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Histogram } from '../soak/histogram.js';
import { InFlight, openConnection } from './in-flight.js';
import { getTemplate, put, setTemplate, writeDecimal, type CommandTemplate } from './key-commands.js';
import { BULK, ERROR, ReplyFramer, SIMPLE } from './resp-replies.js';

export interface JoinLoadParams {
  port: number;
  clients: number;
  pipeline: number;
  /** Keys are drawn uniformly from [0, keys): the preloaded ones. */
  keys: number;
  valueSize: number;
  /** Share of GETs. */
  readRatio: number;
  random: () => number;
}

/** One second of the run (from the load's start): replies, bad ones, the slowest reply. */
export interface Second {
  replies: number;
  bad: number;
  maxMs: number;
}

export interface PhaseStats {
  name: string;
  /** ms since the load started. */
  startMs: number;
  endMs: number;
  replies: number;
  bad: number;
  latency: Histogram;
}

/** Replies sorted into named phases and one-second buckets by arrival time. Pure: times are given. */
export class JoinTally {
  readonly seconds: Second[] = [];
  readonly phases: PhaseStats[] = [];

  constructor(firstPhase: string) {
    this.phase(firstPhase, 0);
  }

  /** Ends the current phase at `atMs` and starts `name` there. */
  phase(name: string, atMs: number): void {
    const cur = this.current;
    if (cur !== undefined) cur.endMs = atMs;
    this.phases.push({ name, startMs: atMs, endMs: atMs, replies: 0, bad: 0, latency: new Histogram() });
  }

  /** Closes the last phase at `atMs`. */
  end(atMs: number): void {
    this.current.endMs = atMs;
  }

  reply(atMs: number, latencyMs: number, bad: boolean): void {
    const s = Math.max(0, Math.floor(atMs / 1000));
    while (this.seconds.length <= s) this.seconds.push({ replies: 0, bad: 0, maxMs: 0 });
    const sec = this.seconds[s];
    const p = this.current;
    sec.replies++;
    p.replies++;
    if (bad) {
      sec.bad++;
      p.bad++;
    }
    if (latencyMs > sec.maxMs) sec.maxMs = latencyMs;
    p.latency.record(latencyMs);
  }

  get current(): PhaseStats {
    return this.phases[this.phases.length - 1];
  }

  byName(name: string): PhaseStats | undefined {
    return this.phases.find((p) => p.name === name);
  }
}

/** Replies per second of a phase (0 for an empty one). */
export function rate(p: PhaseStats): number {
  const s = (p.endMs - p.startMs) / 1000;
  return s > 0 ? p.replies / s : 0;
}

export interface JoinLoadResult {
  tally: JoinTally;
  errorReplies: number;
  /** GET replies other than a bulk of valueSize bytes, SET replies other than +OK. */
  wrongReplies: number;
  /** Sockets that failed or closed while the load ran (not cut by us). */
  connectionErrors: number;
  /** Requests still unanswered when the grace period after stop() ran out. */
  unanswered: number;
  firstProblem: string;
  /** The generator's CPU over the run, in cores (near 1: it may be the bottleneck). */
  generatorCores: number;
}

const READ = 0;
const WRITE = 1;
/** SET values start with this many digits of a sequence number (fewer when values are shorter). */
const SEQ_DIGITS = 12;

export class JoinLoad {
  private t0 = 0;
  private cpu0 = process.cpuUsage();
  private stopping = false;
  private seq = 0;
  private readonly sockets = new Set<Socket>();
  private loops: Promise<void>[] = [];
  private readonly templates: [CommandTemplate, CommandTemplate];
  private readonly valueAt: number;
  private readonly r: JoinLoadResult;

  constructor(private readonly p: JoinLoadParams, firstPhase: string) {
    this.templates = [getTemplate(), setTemplate(p.valueSize)];
    // The value is the template's last bulk: its bytes end just before the final CRLF.
    this.valueAt = this.templates[WRITE].bytes.length - 2 - p.valueSize;
    this.r = { tally: new JoinTally(firstPhase), errorReplies: 0, wrongReplies: 0, connectionErrors: 0, unanswered: 0, firstProblem: '', generatorCores: 0 };
  }

  /** ms since start(). */
  now(): number {
    return performance.now() - this.t0;
  }

  /** Opens every connection, then starts the load; resolves once all are sending. */
  async start(): Promise<void> {
    const socks = await Promise.all(Array.from({ length: this.p.clients }, () => this.open()));
    this.t0 = performance.now();
    this.cpu0 = process.cpuUsage();
    this.loops = socks.map((s) => this.loop(s));
  }

  phase(name: string): void {
    this.r.tally.phase(name, this.now());
  }

  /** Stops issuing, lets connections finish what is in flight (at most `graceMs`), then closes them. */
  async stop(graceMs: number): Promise<JoinLoadResult> {
    this.stopping = true;
    const ms = this.now();
    const cpu = process.cpuUsage(this.cpu0);
    this.r.tally.end(ms);
    const cut = setTimeout(() => {
      for (const s of this.sockets) s.destroy();
    }, graceMs);
    await Promise.all(this.loops);
    clearTimeout(cut);
    this.r.generatorCores = (cpu.user + cpu.system) / 1000 / ms;
    return this.r;
  }

  private open(): Promise<Socket> {
    return openConnection(this.p.port);
  }

  private problem(text: string): void {
    if (this.r.firstProblem === '') this.r.firstProblem = text;
  }

  /** Writes `n` new requests and notes their kinds and send time. */
  private issue(sock: Socket, ring: InFlight, n: number): void {
    const [get, set] = this.templates;
    const buf = Buffer.allocUnsafe(n * Math.max(get.bytes.length, set.bytes.length));
    let at = 0;
    const sent = performance.now();
    for (let i = 0; i < n; i++) {
      const key = Math.floor(this.p.random() * this.p.keys);
      const kind = this.p.random() < this.p.readRatio ? READ : WRITE;
      const start = at;
      at = put(buf, at, this.templates[kind], key);
      if (kind === WRITE) writeDecimal(buf, start + this.valueAt, ++this.seq, Math.min(SEQ_DIGITS, this.p.valueSize));
      ring.push(kind, sent);
    }
    sock.write(buf.subarray(0, at));
  }

  /** Whether the reply is wrong or an error; counts and remembers the first problem. */
  private bad(kind: number, reply: number, length: number, framer: ReplyFramer): boolean {
    if (reply === ERROR) {
      this.r.errorReplies++;
      this.problem(`${kind === READ ? 'GET' : 'SET'} replied ${framer.firstError}`);
      return true;
    }
    const ok = kind === READ ? reply === BULK && length === this.p.valueSize : reply === SIMPLE;
    if (ok) return false;
    this.r.wrongReplies++;
    this.problem(`${kind === READ ? 'GET' : 'SET'} replied type ${String.fromCharCode(reply)} length ${length}`);
    return true;
  }

  /** Resolves when the connection is done (after stop()) or lost; never rejects: problems are counted. */
  private loop(sock: Socket): Promise<void> {
    this.sockets.add(sock);
    return new Promise((resolve) => {
      const ring = new InFlight(this.p.pipeline);
      let finished = false;
      let answered = 0;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        this.sockets.delete(sock);
        this.r.unanswered += ring.size;
        sock.destroy();
        resolve();
      };
      const framer = new ReplyFramer((reply, length) => {
        const sent = ring.sentAt[ring.head];
        const kind = ring.shift();
        const isBad = this.bad(kind, reply, length, framer);
        const t = performance.now();
        if (!this.stopping) this.r.tally.reply(t - this.t0, t - sent, isBad);
        answered++;
      });
      sock.on('data', (chunk: Buffer) => {
        answered = 0;
        framer.feed(chunk);
        if (!this.stopping) {
          if (answered > 0) this.issue(sock, ring, answered);
        } else if (ring.size === 0) finish();
      });
      sock.on('error', (err) => {
        if (this.stopping) return;
        this.r.connectionErrors++;
        this.problem(`connection to port ${this.p.port}: ${err.message}`);
      });
      sock.once('close', () => {
        if (!finished && !this.stopping) {
          this.r.connectionErrors++;
          this.problem(`connection to port ${this.p.port} closed with ${ring.size} requests in flight`);
        }
        finish();
      });
      this.issue(sock, ring, this.p.pipeline);
    });
  }
}

