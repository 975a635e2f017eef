// The byte pipe under one client connection: what the connection needs from a socket (input, output with a
// kernel-side queue, reading paused and resumed, closing) and nothing else. Two implementations: EpollSockets
// (net/epoll-sockets.ts, the default on Linux: every client socket read in one native call per event-loop turn)
// and StreamSocket here (Node's net.Socket streams, wherever the native poller is not available).
import type { Socket } from 'node:net';

/** What a connection is told by its socket. */
export interface SocketEvents {
  /** Bytes received; the Buffer is the connection's to keep. */
  data(chunk: Buffer): void;
  /** Output queued by write() went to the kernel: writes may go on. */
  drain(): void;
  /** Output written earlier was not all taken by the kernel: stop producing more until drain(). */
  full(): void;
  /** The peer closed its side (its last bytes were delivered before this). */
  end(): void;
  /** The socket failed or is gone: nothing more can be written. */
  gone(): void;
}

export interface ClientSocket {
  /** The Node socket, for addresses, options (keepalive) and PSYNC's hand-over. */
  readonly node: Socket;
  readonly fd: number;
  start(events: SocketEvents): void;
  /** Hands `bufs` to the kernel, queueing what it does not take yet; false when the caller should wait for drain(). */
  write(bufs: Buffer[]): boolean;
  /** Bytes queued and not yet taken by the kernel. */
  readonly queuedBytes: number;
  /** True after write() returned false and until drain(). */
  readonly needsDrain: boolean;
  pauseReading(): void;
  resumeReading(): void;
  /** Closes once queued output has gone out. */
  end(): void;
  /** Closes now, dropping queued output. */
  destroy(): void;
  /** Gives the socket back as a plain Node stream (PSYNC); queued output is written through it first. */
  detach(): Socket;
  /** Writes of many sockets collected and sent together at the end of a turn, where the layer does that. */
  readonly group: WriteGroup | null;
}

export interface WriteGroup {
  begin(): void;
  end(): void;
}

/** A client socket read and written through Node's net.Socket streams. */
export class StreamSocket implements ClientSocket {
  readonly fd: number;
  readonly group = null;

  constructor(readonly node: Socket) {
    this.fd = (node as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
  }

  start(events: SocketEvents): void {
    const s = this.node;
    s.on('data', (chunk: Buffer) => events.data(chunk));
    s.on('drain', () => events.drain());
    // With allowHalfOpen off (the default) Node ends its side after pending writes and then closes.
    s.on('error', () => events.gone());
    s.on('close', () => events.gone());
    s.resume();
  }

  write(bufs: Buffer[]): boolean {
    const s = this.node;
    if (bufs.length === 1) return s.write(bufs[0]);
    let ok = true;
    s.cork();
    for (const b of bufs) ok = s.write(b) && ok;
    s.uncork();
    return ok;
  }

  get queuedBytes(): number {
    return this.node.writableLength;
  }

  get needsDrain(): boolean {
    return this.node.writableNeedDrain;
  }

  pauseReading(): void {
    this.node.pause();
  }

  resumeReading(): void {
    this.node.resume();
  }

  end(): void {
    this.node.end();
  }

  destroy(): void {
    this.node.destroy();
  }

  detach(): Socket {
    for (const ev of ['data', 'drain', 'error', 'close']) this.node.removeAllListeners(ev);
    return this.node;
  }
}
