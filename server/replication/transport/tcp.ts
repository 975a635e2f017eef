// The persist RPC over a TCP socket: frames written as they are, read back through the frame decoder. The socket is
// the client connection the backup opened and upgraded with PSYNC. Knows sockets and frames, not roles.
import type { Socket } from 'node:net';
import { FrameDecoder, type Frame, type OutgoingBatch } from '../frames.js';
import type { Transport } from './transport.js';

export class TcpTransport implements Transport {
  onFrames: (frames: Frame[]) => void = () => {};
  onDrain: () => void = () => {};
  onClose: (why: string) => void = () => {};
  readonly remoteAddress: string;
  private readonly decoder = new FrameDecoder();
  private closed = false;

  constructor(private readonly socket: Socket) {
    this.remoteAddress = socket.remoteAddress?.replace(/^::ffff:/, '') ?? '?';
    socket.setNoDelay(true);
    socket.on('drain', () => this.onDrain());
    socket.on('error', (err) => this.close(err.message));
    socket.on('close', () => this.close('connection closed'));
  }

  /**
   * Starts reading, once the handlers are set: first `leftover`, bytes of the stream already read off the socket
   * with the handshake's last reply, then the socket.
   */
  start(leftover: Buffer | null = null): void {
    if (leftover !== null && leftover.length > 0) this.received(leftover);
    this.socket.on('data', (chunk: Buffer) => this.received(chunk));
  }

  describe(): string {
    return 'tcp';
  }

  get queuedBytes(): number {
    return this.socket.writableLength;
  }

  send(frame: Buffer): boolean {
    if (this.closed) return false;
    return this.socket.write(frame);
  }

  sendBatch(batch: OutgoingBatch): boolean {
    return this.send(batch.frame());
  }

  close(why: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onClose(why);
  }

  private received(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Frame[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      this.close((err as Error).message);
      return;
    }
    if (frames.length > 0) this.onFrames(frames);
  }
}
