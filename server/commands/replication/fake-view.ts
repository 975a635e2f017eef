// Test support for the replication command tests: a ReplicationView whose state the test sets and whose calls it
// records, and a Context around it that captures replies and suspensions. Used by tests only.
import { Config } from '../../config/config.js';
import type { BackupView, PrimaryLinkView, ReplicationView, Role } from '../../replication/types.js';
import { ReplyWriter } from '../../resp/reply.js';
import { ErrorReply, type Context, type Handler, type ServerContext, type Session } from '../types.js';

export class FakeView implements ReplicationView {
  role: Role = 'primary';
  epoch = 1;
  offset = 0;
  backups: BackupView[] = [];
  link: PrimaryLinkView | null = null;
  failoverState = 'no-failover';
  refuseWrites = false;
  /** The view's methods called, in order, with their arguments. */
  readonly calls: string[] = [];
  readonly listeners = new Set<() => void>();
  failoverAnswer: string | null = null;
  abortAnswer: string | null = null;

  noReplicasRefusal(): boolean {
    return this.refuseWrites;
  }
  ackedBy(lsn: number): number {
    return this.backups.filter((b) => b.ackLSN >= lsn).length;
  }
  onAck(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Sets a backup's ack and tells the listeners, as the real view does when an ack arrives. */
  ack(i: number, lsn: number): void {
    this.backups[i] = { ...this.backups[i], ackLSN: lsn };
    for (const l of [...this.listeners]) l();
  }
  replicaOf(host: string, port: number): void {
    this.calls.push(`replicaOf ${host} ${port}`);
    this.role = 'backup';
    this.link = link(host, port);
  }
  promote(): void {
    this.calls.push('promote');
    this.role = 'primary';
    this.link = null;
  }
  failover(opts: { host: string | null; port: number; timeoutMs: number; force: boolean }): string | null {
    this.calls.push(`failover ${opts.host} ${opts.port} ${opts.timeoutMs} ${opts.force}`);
    return this.failoverAnswer;
  }
  abortFailover(): string | null {
    this.calls.push('abortFailover');
    return this.abortAnswer;
  }
  acceptBackup(_session: Session): string | null {
    this.calls.push('acceptBackup');
    return 'ERR not in these tests';
  }
  staleNotice(host: string, epoch: number, port: number): boolean {
    this.calls.push(`staleNotice ${host} ${epoch} ${port}`);
    return false;
  }
}

export function backup(ip: string, port: number, ackLSN: number, state: BackupView['state'] = 'online', lagSeconds = 0): BackupView {
  return { ip, port, state, ackLSN, lagSeconds, transportInfo: 'tcp' };
}

export function link(host: string, port: number, more: Partial<PrimaryLinkView> = {}): PrimaryLinkView {
  return {
    host, port, up: false, state: 'connect', lastIoSecondsAgo: -1, syncInProgress: false, syncReceived: 0, syncTotal: 0, downSinceSeconds: -1, transportInfo: 'tcp',
    ...more,
  };
}

/** A context for one connection: replies accumulate in `reply`; a suspension is kept in `suspended`. */
export class FakeConnection {
  readonly config = new Config();
  readonly reply = new ReplyWriter();
  canBlock = true;
  persistedLSN = 0;
  /** The cancel function of a suspended command, null when none is suspended. */
  suspended: (() => void) | null = null;
  /** Replies written on resume. */
  resumed: string | null = null;

  constructor(readonly view: FakeView) {}

  context(): Context {
    // A getter, so a suspended WAITAOF sees persistence advance.
    const conn = this;
    const ks = { store: { log: { get persistedLSNValue() { return conn.persistedLSN; } } } };
    const server = { config: this.config, replication: this.view, ks } as unknown as ServerContext;
    return {
      session: { db: 0, resp: 2 } as Session,
      reply: this.reply,
      ks: ks as unknown as Context['ks'],
      server,
      canBlock: this.canBlock,
      block: () => {},
      suspend: (start) => {
        this.suspended = start((write) => {
          const r = new ReplyWriter();
          write(r);
          this.resumed = Buffer.concat(r.take()).toString('latin1');
          this.suspended = null;
        });
      },
    };
  }

  /** Runs one command through `handlers` as the dispatcher would and answers what it wrote at once. */
  run(handlers: Handler<any>[], ...args: string[]): string {
    const argv = args.map((a) => Buffer.from(a, 'latin1'));
    const h = handlers.find((x) => x.name === args[0].toLowerCase())!;
    const ctx = this.context();
    const plan = h.parse(argv);
    if (plan instanceof ErrorReply) ctx.reply.error(plan.message);
    else h.exec(ctx, plan);
    return Buffer.concat(this.reply.take()).toString('latin1');
  }
}
