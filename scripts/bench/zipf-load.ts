// The Zipfian benchmark's closed-loop load: C connections each keeping P GETs/SETs (or HGETs/HSETs on a uniformly
// drawn field) in flight on key:%012d keys drawn from a rank generator, a new request written for every reply
// (batched per socket read), every reply checked against what the preload implies. Counts, latencies and the
// generator's own CPU; knows no server state.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Histogram } from '../soak/histogram.js';
import { InFlight } from './in-flight.js';
import { getTemplate, hgetCommand, hsetCommand, setTemplate, stringCommand, type KeyCommand } from './key-commands.js';
import { BULK, ERROR, INTEGER, ReplyFramer, SIMPLE } from './resp-replies.js';
import type { RankGenerator } from './zipfian.js';

export interface ZipfLoadParams {
  port: number;
  valueSize: number;
  /** 0: string keys (GET/SET); F: hashes of fields f0..f{F-1} (HGET/HSET). */
  fields: number;
  readRatio: number;
  clients: number;
  pipeline: number;
  /** Replies before this many seconds are not counted (the hot tier settles). */
  warmupSeconds: number;
  seconds: number;
  keys: RankGenerator;
  /** Decides read or write and draws the field, seeded apart from the key draws. */
  random: () => number;
}

export interface ZipfLoadResult {
  ops: number;
  opsPerSecond: number;
  /** GETs or HGETs. */
  reads: number;
  /** SETs or HSETs. */
  writes: number;
  latency: Histogram;
  /** Read replies that were not a bulk of valueSize bytes (nulls included); SET replies other than +OK, HSET
   *  replies other than :0 (the field existed). */
  wrongReplies: number;
  errors: number;
  firstProblem: string;
  /** The load generator's CPU over the measured window, in cores (near 1: it may be the bottleneck). */
  generatorCores: number;
}

const READ = 0;
const WRITE = 1;

export class ZipfLoad {
  private measuring = false;
  private stopping = false;
  private readonly r: ZipfLoadResult = { ops: 0, opsPerSecond: 0, reads: 0, writes: 0, latency: new Histogram(), wrongReplies: 0, errors: 0, firstProblem: '', generatorCores: 0 };
  private readonly commands: [KeyCommand, KeyCommand];
  /** The reply type a write must get. */
  private readonly writeReply: number;

  constructor(private readonly p: ZipfLoadParams) {
    this.commands = p.fields > 0
      ? [hgetCommand(p.fields), hsetCommand(p.fields, p.valueSize)]
      : [stringCommand('GET', getTemplate()), stringCommand('SET', setTemplate(p.valueSize))];
    this.writeReply = p.fields > 0 ? INTEGER : SIMPLE;
  }

  async run(): Promise<ZipfLoadResult> {
    const windows = this.schedule();
    await Promise.all(Array.from({ length: this.p.clients }, () => this.client()));
    const w = await windows;
    this.r.opsPerSecond = this.r.ops / w.seconds;
    this.r.generatorCores = w.cpuSeconds / w.seconds;
    return this.r;
  }

  /** Starts counting after the warm-up, stops issuing at the end; resolves with the measured window's length. */
  private schedule(): Promise<{ seconds: number; cpuSeconds: number }> {
    return new Promise((resolve) => {
      setTimeout(() => {
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        this.measuring = true;
        setTimeout(() => {
          this.measuring = false;
          this.stopping = true;
          const cpu = process.cpuUsage(cpu0);
          resolve({ seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
        }, this.p.seconds * 1000);
      }, this.p.warmupSeconds * 1000);
    });
  }

  private problem(text: string): void {
    if (this.r.firstProblem === '') this.r.firstProblem = text;
  }

  /** Writes `n` new requests and notes their kinds and send time in the connection's ring. */
  private issue(sock: Socket, ring: InFlight, n: number): void {
    const buf = Buffer.allocUnsafe(n * Math.max(this.commands[READ].maxBytes, this.commands[WRITE].maxBytes));
    let at = 0;
    const now = performance.now();
    const fields = this.p.fields;
    for (let i = 0; i < n; i++) {
      const kind = this.p.random() < this.p.readRatio ? READ : WRITE;
      const field = fields > 0 ? Math.floor(this.p.random() * fields) : 0;
      at = this.commands[kind].put(buf, at, this.p.keys.next(), field);
      ring.push(kind, now);
    }
    sock.write(buf.subarray(0, at));
  }

  private check(kind: number, sent: number, reply: number, length: number, framer: ReplyFramer): void {
    if (reply === ERROR) {
      this.r.errors++;
      this.problem(framer.firstError);
      return;
    }
    const ok = kind === READ ? reply === BULK && length === this.p.valueSize : reply === this.writeReply && length === 0;
    if (!ok) {
      this.r.wrongReplies++;
      this.problem(`${this.commands[kind].name} replied type ${String.fromCharCode(reply)} length ${length}`);
    }
    if (!this.measuring) return;
    this.r.ops++;
    if (kind === READ) this.r.reads++;
    else this.r.writes++;
    this.r.latency.record(performance.now() - sent);
  }

  private client(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ring = new InFlight(this.p.pipeline);
      const sock = connect({ port: this.p.port, host: '127.0.0.1' });
      sock.setNoDelay(true);
      let done = false;
      let answered = 0;
      const framer = new ReplyFramer((reply, length) => {
        const sent = ring.sentAt[ring.head];
        this.check(ring.shift(), sent, reply, length, framer);
        answered++;
      });
      sock.once('connect', () => this.issue(sock, ring, this.p.pipeline));
      sock.on('data', (chunk: Buffer) => {
        answered = 0;
        framer.feed(chunk);
        if (!this.stopping) {
          if (answered > 0) this.issue(sock, ring, answered);
        } else if (ring.size === 0) {
          done = true;
          sock.end();
          resolve();
        }
      });
      sock.once('error', (err) => !done && reject(err));
      sock.once('close', () => !done && reject(new Error(`connection to port ${this.p.port} closed with ${ring.size} replies outstanding`)));
    });
  }
}

