// Fencing a former primary: after a promotion the new primary keeps telling the node it replaced (every second,
// until that node answers or the role changes) that a newer epoch exists. A former primary that comes
// back — restarted, or resumed after a partition — hears it, turns into a backup of the new primary, and a full
// sync drops whatever it wrote that was never acknowledged. Knows the one REPLCONF line, nothing of the stream.
import { connect } from 'node:net';
import { respCommand } from './handshake.js';

const KNOCK_MS = 1000;

export class StaleNotice {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly epoch: () => number,
    private readonly listeningPort: () => number,
    private readonly auth: () => { user: string; pass: string },
    private readonly say: (msg: string) => void,
  ) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.knock(), KNOCK_MS);
    this.timer.unref();
  }

  /** One attempt: `REPLCONF faha-stale <epoch> <port>`; +OK means the old primary is becoming our backup. */
  private knock(): void {
    const socket = connect({ host: this.host, port: this.port });
    const lines: string[][] = [];
    const { user, pass } = this.auth();
    if (pass !== '') lines.push(user !== '' ? ['AUTH', user, pass] : ['AUTH', pass]);
    lines.push(['REPLCONF', 'faha-stale', String(this.epoch()), String(this.listeningPort())]);
    let text = '';
    let done = false;
    const finish = (again: boolean): void => {
      if (done) return;
      done = true;
      socket.destroy();
      if (again) this.schedule();
    };
    socket.setTimeout(KNOCK_MS, () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.write(lines.map(respCommand).join('')));
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const replies = text.split('\r\n');
      if (replies.length <= lines.length) return;
      // Any answer ends the notice: +OK, it is rejoining; an error, it is no older primary (already a backup).
      if (replies[lines.length - 1] === '+OK') this.say(`Told the former primary ${this.host}:${this.port} that it is stale: it rejoins as a backup.`);
      this.stopped = true;
      finish(false);
    });
  }
}
