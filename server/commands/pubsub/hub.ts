// The server-wide pub/sub registry (Redis's server.pubsub_channels / pubsub_patterns): who listens to what, and
// delivery of published messages and keyspace notifications. Writes only through Session.deliver; replies to the
// subscribing connection's own commands are subscribe.ts's.
import { notifyFlagsOf } from '../../config/notify-events.js';
import { stringMatch } from '../../keyspace/glob.js';
import { NotifyClass } from '../../keyspace/notify.js';
import type { ReplyWriter } from '../../resp/reply.js';
import type { ServerContext, Session } from '../types.js';

const MESSAGE = Buffer.from('message');
const PMESSAGE = Buffer.from('pmessage');

export class PubSubHub {
  /** Channel (latin1) → its subscribers in subscription order (Redis 7.0 keeps a list per channel). */
  readonly channels = new Map<string, Set<Session>>();
  /** Pattern (latin1) → its subscribers in subscription order. */
  readonly patterns = new Map<string, Set<Session>>();
  /** The notify-keyspace-events classes in force. */
  notifyFlags = 0;

  /** Adds `s` to `channel` (or pattern, `isPattern`); false when it already listened there. */
  add(s: Session, name: string, isPattern: boolean): boolean {
    const own = isPattern ? s.subscriptions.patterns : s.subscriptions.channels;
    if (own.has(name)) return false;
    own.add(name);
    sessionHubs.set(s, this);
    const table = isPattern ? this.patterns : this.channels;
    let listeners = table.get(name);
    if (listeners === undefined) {
      listeners = new Set();
      table.set(name, listeners);
    }
    listeners.add(s);
    return true;
  }

  /** Removes `s` from `channel` (or pattern); false when it did not listen there. */
  remove(s: Session, name: string, isPattern: boolean): boolean {
    const own = isPattern ? s.subscriptions.patterns : s.subscriptions.channels;
    if (!own.delete(name)) return false;
    const table = isPattern ? this.patterns : this.channels;
    const listeners = table.get(name);
    if (listeners !== undefined) {
      listeners.delete(s);
      // An entry per channel nobody listens to would let clients grow the table without bound.
      if (listeners.size === 0) table.delete(name);
    }
    return true;
  }

  /** Every subscription of `s` ends, silently (connection closed, RESET). */
  dropAll(s: Session): void {
    for (const c of [...s.subscriptions.channels]) this.remove(s, c, false);
    for (const p of [...s.subscriptions.patterns]) this.remove(s, p, true);
  }

  /** PUBLISH: channel subscribers first, then pattern subscribers pattern by pattern; the number of deliveries. */
  publish(channel: Buffer, message: Buffer): number {
    const name = channel.toString('latin1');
    let receivers = 0;
    const direct = this.channels.get(name);
    if (direct !== undefined) {
      for (const s of direct) s.deliver((r) => writeMessage(r, channel, message));
      receivers += direct.size;
    }
    for (const [pattern, listeners] of this.patterns) {
      if (!stringMatch(pattern, name)) continue;
      const pat = Buffer.from(pattern, 'latin1');
      for (const s of listeners) s.deliver((r) => writePatternMessage(r, pat, channel, message));
      receivers += listeners.size;
    }
    return receivers;
  }

  /** Redis's notifyKeyspaceEvent: publishes on the keyspace and/or keyevent channel when the class is enabled. */
  notify(cls: NotifyClass, event: string, db: number, key: string): void {
    const flags = this.notifyFlags;
    if ((flags & cls) === 0) return;
    const eventBuf = Buffer.from(event, 'latin1');
    if (flags & NotifyClass.Keyspace) this.publish(Buffer.from(`__keyspace@${db}__:${key}`, 'latin1'), eventBuf);
    if (flags & NotifyClass.Keyevent) this.publish(Buffer.from(`__keyevent@${db}__:${event}`, 'latin1'), Buffer.from(key, 'latin1'));
  }
}

function writeMessage(r: ReplyWriter, channel: Buffer, message: Buffer): void {
  r.push(3);
  r.bulk(MESSAGE);
  r.bulk(channel);
  r.bulk(message);
}

function writePatternMessage(r: ReplyWriter, pattern: Buffer, channel: Buffer, message: Buffer): void {
  r.push(4);
  r.bulk(PMESSAGE);
  r.bulk(pattern);
  r.bulk(channel);
  r.bulk(message);
}

const hubs = new WeakMap<ServerContext, PubSubHub>();
/** The hub each connection that ever subscribed belongs to (the close hook is told only the session). */
const sessionHubs = new WeakMap<Session, PubSubHub>();

/** The hub `s` subscribed through, if it ever did. */
export function hubOfSession(s: Session): PubSubHub | undefined {
  return sessionHubs.get(s);
}

/**
 * The server's hub, made on first use: it then takes over the keyspace's notification sink and follows
 * notify-keyspace-events. Before any pub/sub command has run nobody can be listening, so nothing is lost.
 */
export function hubOf(server: ServerContext): PubSubHub {
  let hub = hubs.get(server);
  if (hub !== undefined) return hub;
  const h = new PubSubHub();
  hubs.set(server, h);
  const follow = (v: unknown) => (h.notifyFlags = notifyFlagsOf(String(v)) ?? 0);
  follow(server.config.str('notify-keyspace-events'));
  server.config.onChange('notify-keyspace-events', follow);
  server.ks.onNotify = (cls, event, db, key) => h.notify(cls, event, db, key);
  return h;
}
