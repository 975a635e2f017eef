// The ordered output of one connection (DESIGN §4.5): a round's replies go to the socket at once when everything
// they depend on is durable and nothing is waiting before them; otherwise they wait, tagged with the LSN they
// depend on, and leave in order once the log is durable that far. Knows nothing of commands or of reading.
import type { Log } from '../engine/log.js';
import type { ClientSocket } from './client-socket.js';

interface HeldOutput {
  bufs: Buffer[];
  bytes: number;
  tag: number;
}

/** Told of every write: bytes handed to the socket, and false when the socket asks the writer to wait for 'drain'. */
export type WriteListener = (bytes: number, ok: boolean) => void;

export class OutputQueue {
  private held: HeldOutput[] = [];
  private heldBytes = 0;

  constructor(
    private readonly socket: ClientSocket,
    private readonly log: Log,
    private readonly onWrite: WriteListener,
  ) {}

  /**
   * Sends `bufs` if the log is durable up to `tag`, the LSN they depend on (0: nothing), and nothing waits before
   * them; else holds them. True when held.
   */
  push(bufs: Buffer[], tag: number): boolean {
    if (this.held.length === 0 && tag <= this.log.durableLSN) {
      this.write(bufs);
      return false;
    }
    this.hold(bufs, tag);
    return true;
  }

  /** Output that depends on nothing durable (a MONITOR line): sent now unless replies wait before it. */
  pushUntagged(bufs: Buffer[]): boolean {
    if (this.held.length === 0) {
      this.write(bufs);
      return false;
    }
    this.hold(bufs, this.held[this.held.length - 1].tag);
    return true;
  }

  /** The log is durable up to `lsn`: sends what waited for it. True when nothing waits any more. */
  release(lsn: number): boolean {
    let i = 0;
    while (i < this.held.length && this.held[i].tag <= lsn) {
      this.heldBytes -= this.held[i].bytes;
      this.write(this.held[i].bufs);
      i++;
    }
    if (i > 0) this.held = this.held.slice(i);
    return this.held.length === 0;
  }

  /** Everything held, in order, and nothing held any more (the connection is leaving the client layer). */
  takeHeld(): Buffer[] {
    const bufs = this.held.flatMap((h) => h.bufs);
    this.held = [];
    this.heldBytes = 0;
    return bufs;
  }

  /** The newest LSN a held reply waits for (0 when nothing is held). */
  get newestTag(): number {
    return this.held.length === 0 ? 0 : this.held[this.held.length - 1].tag;
  }

  get waiting(): boolean {
    return this.held.length > 0;
  }

  /** Bytes held for durability plus bytes the kernel has not taken yet (CLIENT LIST omem). */
  get pendingBytes(): number {
    return this.heldBytes + this.socket.queuedBytes;
  }

  /** Batches held plus the socket's queue, if any (CLIENT LIST oll). */
  get pendingChunks(): number {
    return this.held.length + (this.socket.queuedBytes > 0 ? 1 : 0);
  }

  private hold(bufs: Buffer[], tag: number): void {
    let bytes = 0;
    for (const b of bufs) bytes += b.length;
    this.held.push({ bufs, bytes, tag });
    this.heldBytes += bytes;
  }

  private write(bufs: Buffer[]): void {
    let n = 0;
    for (const b of bufs) n += b.length;
    this.onWrite(n, this.socket.write(bufs));
  }
}
