// What the bench's own load generators share about one connection: opening it, and the ring of its requests in
// flight (oldest first: Redis and faha answer in order). No commands, no measuring.
import { connect, type Socket } from 'node:net';

/** A connection to 127.0.0.1:`port` with Nagle off, once it is established. */
export function openConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const sock = connect({ port, host: '127.0.0.1' }, () => {
      sock.off('error', reject);
      resolve(sock);
    });
    sock.setNoDelay(true);
    sock.once('error', reject);
  });
}

/** The requests of one connection in flight, oldest first: each its kind and when it was sent. */
export class InFlight {
  readonly kinds: Uint8Array;
  readonly sentAt: Float64Array;
  head = 0;
  size = 0;

  constructor(private readonly capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.sentAt = new Float64Array(capacity);
  }

  push(kind: number, at: number): void {
    if (this.size === this.capacity) throw new Error('more requests in flight than the pipeline allows');
    const i = (this.head + this.size) % this.capacity;
    this.kinds[i] = kind;
    this.sentAt[i] = at;
    this.size++;
  }

  shift(): number {
    if (this.size === 0) throw new Error('a reply arrived for no request');
    const k = this.kinds[this.head];
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    return k;
  }
}
