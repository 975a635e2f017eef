// Client sockets read and written the way redis-server does it (native/src/client_io.cc): every client socket is
// in one epoll set, one native call per event-loop turn reads all that are ready, and replies go out by a plain
// write/writev. Node only accepts the sockets (pauseOnConnect: its streams never read them) and owns their
// handles for addresses, options and the final close.
//
// Why: Node's stream machinery costs ~1.9 µs of user time per request-reply at redis-benchmark -P 1 on this
// machine (a +OK server: 4.2–4.5 µs on net.Socket, 2.4 µs on this), which was the larger part of faha's distance to
// redis-server there (server/docs/performance.md).
import type { Socket } from 'node:net';
import { nativeClientIo, type NativeClientIo } from '../platform/native.js';
import type { ClientSocket, SocketEvents, WriteGroup } from './client-socket.js';

// Record kinds written by the native side.
const KIND_DATA = 1;
const KIND_EOF = 2;
const KIND_ERROR = 3;
const KIND_WRITABLE = 4;
/** Reads pollNow() makes at most, however busy the clients: the batch waiting on them must be sealed at some point. */
const MAX_POLLS = 64;
/** Input taken per turn across all sockets; more waits for the next turn (epoll is level-triggered). */
const SCRATCH_BYTES = 1024 * 1024;

/** The epoll set and its sockets by fd; null where the native poller is not available (not Linux, old addon). */
export class EpollSockets implements WriteGroup {
  private readonly io: NativeClientIo;
  private readonly scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  private readonly records = new Int32Array(1024);
  private readonly byFd = new Map<number, EpollSocket>();
  /** Inside begin()/end(): writes wait to go out together in one native call. */
  batching = false;
  private batch: EpollSocket[] = [];
  private fds = new Int32Array(64);
  private counts = new Int32Array(64);
  private results = new Int32Array(64);

  static open(): EpollSockets | null {
    const Ctor = nativeClientIo();
    return Ctor === null ? null : new EpollSockets(Ctor);
  }

  private constructor(Ctor: NonNullable<ReturnType<typeof nativeClientIo>>) {
    this.io = new Ctor((n) => this.turn(n), this.scratch, this.records);
  }

  /** Takes over reading and writing `socket` (accepted with pauseOnConnect). */
  adopt(socket: Socket): ClientSocket | null {
    const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
    if (fd < 0 || this.byFd.has(fd)) return null;
    const s = new EpollSocket(socket, fd, this.io, this);
    this.byFd.set(fd, s);
    return s;
  }

  /** Stops watching `fd` (before Node closes it, or when it leaves for a Node stream). */
  forget(fd: number, s: EpollSocket): void {
    if (this.byFd.get(fd) !== s) return;
    this.byFd.delete(fd);
    this.io.remove(fd);
  }

  close(): void {
    this.io.close();
  }

  /** From here to end(), writes are collected (the end of a turn, when every connection's replies go out). */
  begin(): void {
    this.batching = true;
  }

  /** Writes what was collected since begin(), with one native call for all the sockets. */
  end(): void {
    this.batching = false;
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    if (this.fds.length < batch.length) {
      const n = batch.length * 2;
      this.fds = new Int32Array(n);
      this.counts = new Int32Array(n);
      this.results = new Int32Array(n);
    }
    const bufs: Buffer[] = [];
    let n = 0;
    for (const s of batch) {
      const pending = s.pending!;
      // Closed since (its fd may be gone): dropped like any output of a closed socket.
      if (s.isClosed) continue;
      this.fds[n] = s.fd;
      this.counts[n] = pending.length;
      for (const b of pending) bufs.push(b);
      n++;
    }
    if (n > 0) this.io.writeMany(n, this.fds, this.counts, bufs, this.results);
    let i = 0;
    for (const s of batch) {
      if (s.isClosed) s.pending = null;
      else s.batchWritten(this.results[i++]);
    }
  }

  /**
   * Reads what arrived since this turn's read and runs it now, as a turn would, again while each read finds
   * something (at most MAX_POLLS times). Used before a batch is sealed under appendfsync always (Log.beforeSeal):
   * redis-benchmark SET -c 50 -P 1, durable, +11% against one read (+5%) or none; spinning on until 30 or 60 µs
   * passed without input gained nothing more.
   */
  pollNow(): void {
    for (let i = 0; i < MAX_POLLS; i++) {
      const n = this.io.poll();
      if (n === 0) return;
      this.turn(n);
    }
  }

  /** `s` has output for the batch. */
  collect(s: EpollSocket): void {
    this.batch.push(s);
  }

  private turn(n: number): void {
    const r = this.records;
    for (let i = 0; i < n; i++) {
      const at = i * 4;
      const s = this.byFd.get(r[at]);
      if (s === undefined) continue;
      const kind = r[at + 1];
      if (kind === KIND_DATA) {
        // Copied out: the scratch buffer is refilled next turn, and commands may keep views of their arguments.
        const len = r[at + 3];
        const chunk = Buffer.allocUnsafe(len);
        this.scratch.copy(chunk, 0, r[at + 2], r[at + 2] + len);
        s.received(chunk);
      } else if (kind === KIND_WRITABLE) s.writable();
      else if (kind === KIND_EOF) s.ended();
      else if (kind === KIND_ERROR) s.failed();
    }
  }
}

class EpollSocket implements ClientSocket {
  /** Output collected for the hub's batch write (see EpollSockets.begin). */
  pending: Buffer[] | null = null;
  private events: SocketEvents | null = null;
  private queue: Buffer[] = [];
  /** Bytes of queue[0] already written. */
  private queueOffset = 0;
  private queued = 0;
  private reading = false;
  private watching = false;
  private closed = false;
  private endWhenWritten = false;

  constructor(
    readonly node: Socket,
    readonly fd: number,
    private readonly io: NativeClientIo,
    private readonly hub: EpollSockets,
  ) {}

  start(events: SocketEvents): void {
    this.events = events;
    // Node's stream never reads this socket, so its errors come through our reads and writes, not its events.
    this.node.on('error', () => {});
    if (this.io.add(this.fd) < 0) {
      this.fail();
      return;
    }
    this.reading = true;
  }

  get group(): EpollSockets {
    return this.hub;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  write(bufs: Buffer[]): boolean {
    if (this.closed) return true;
    if (this.queue.length > 0) {
      for (const b of bufs) this.enqueue(b);
      return false;
    }
    if (this.pending !== null) {
      for (const b of bufs) this.pending.push(b);
      return true;
    }
    if (this.hub.batching) {
      // Reported as taken; if the kernel takes only part, the connection hears full() once the batch is written.
      this.pending = bufs.length === 1 ? [bufs[0]] : bufs.slice();
      this.hub.collect(this);
      return true;
    }
    const n = bufs.length === 1 ? this.io.write(this.fd, bufs[0]) : this.io.writev(this.fd, bufs, 0);
    return this.wrote(bufs, n);
  }

  /** The hub wrote `pending` with result `n`. */
  batchWritten(n: number): void {
    const bufs = this.pending!;
    this.pending = null;
    if (!this.wrote(bufs, n)) this.events!.full();
    else if (this.endWhenWritten) this.end();
  }

  /** Queues what of `bufs` a write returning `n` left; false when something is left (or the socket failed). */
  private wrote(bufs: Buffer[], n: number): boolean {
    if (n < 0) {
      this.fail();
      return true;
    }
    let left = n;
    for (const b of bufs) {
      if (left >= b.length) {
        left -= b.length;
        continue;
      }
      if (left > 0) {
        this.enqueue(b.subarray(left));
        left = 0;
      } else this.enqueue(b);
    }
    if (this.queue.length === 0) return true;
    this.watch(true);
    return false;
  }

  get queuedBytes(): number {
    return this.queued;
  }

  get needsDrain(): boolean {
    return this.queue.length > 0;
  }

  pauseReading(): void {
    if (!this.reading || this.closed) return;
    this.reading = false;
    this.io.interest(this.fd, false, this.watching);
  }

  resumeReading(): void {
    if (this.reading || this.closed) return;
    this.reading = true;
    this.io.interest(this.fd, true, this.watching);
  }

  end(): void {
    if (this.closed) return;
    if (this.queue.length > 0 || this.pending !== null) {
      this.endWhenWritten = true;
      return;
    }
    // Handed back to Node to close gracefully: it sends our FIN and closes once the peer's arrives (Node's
    // allowHalfOpen is off), discarding whatever the peer still sends.
    this.closed = true;
    this.hub.forget(this.fd, this);
    this.node.resume();
    this.node.end();
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.queued = 0;
    this.hub.forget(this.fd, this);
    this.node.destroy();
  }

  detach(): Socket {
    this.closed = true;
    this.hub.forget(this.fd, this);
    const rest = this.pending === null ? this.queue : [...this.pending, ...this.queue];
    this.pending = null;
    this.queue = [];
    this.queued = 0;
    if (rest.length > 0) rest[0] = rest[0].subarray(this.queueOffset);
    for (const b of rest) this.node.write(b);
    this.node.removeAllListeners('error');
    // Accepted paused, the stream stays paused even when a 'data' listener is added: start its reading (on the
    // next tick, after the new owner has attached its listeners).
    this.node.resume();
    return this.node;
  }

  received(chunk: Buffer): void {
    if (!this.closed) this.events!.data(chunk);
  }

  ended(): void {
    if (this.closed) return;
    // The peer will send nothing more: stop watching for input (a closed input stays readable).
    this.reading = false;
    this.io.interest(this.fd, false, this.watching);
    this.events!.end();
  }

  failed(): void {
    if (this.closed) return;
    this.fail();
  }

  /** The kernel takes writes again: send what was queued. */
  writable(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      const n = this.io.writev(this.fd, this.queue, this.queueOffset);
      if (n < 0) {
        this.fail();
        return;
      }
      if (n === 0) return;
      this.consume(n);
    }
    this.watch(false);
    if (this.endWhenWritten) {
      this.end();
      return;
    }
    this.events!.drain();
  }

  private consume(n: number): void {
    this.queued -= n;
    let left = n + this.queueOffset;
    let i = 0;
    while (i < this.queue.length && left >= this.queue[i].length) left -= this.queue[i++].length;
    this.queue = i === 0 ? this.queue : this.queue.slice(i);
    this.queueOffset = left;
  }

  private enqueue(b: Buffer): void {
    this.queue.push(b);
    this.queued += b.length;
  }

  private watch(on: boolean): void {
    if (this.watching === on) return;
    this.watching = on;
    this.io.interest(this.fd, this.reading, on);
  }

  /** A read or write failed: the socket is gone; the connection hears of it outside the call that found it. */
  private fail(): void {
    this.closed = true;
    this.queue = [];
    this.queued = 0;
    this.hub.forget(this.fd, this);
    this.node.destroy();
    const events = this.events;
    if (events !== null) setImmediate(() => events.gone());
  }
}
