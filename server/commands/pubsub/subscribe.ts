// SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE: the connection's own confirmations (RESP2 arrays, RESP3 pushes),
// one per channel or pattern, each with the connection's subscription count after it. Subscriptions end silently
// when the connection closes or is RESET. Delivery of messages is hub.ts's.
import { onConnectionReset } from '../connection/reset.js';
import { onConnectionClosed } from '../session-hooks.js';
import { simpleHandler, type Context, type Handler } from '../types.js';
import { hubOf, hubOfSession } from './hub.js';

const KINDS = {
  channel: { subscribe: Buffer.from('subscribe'), unsubscribe: Buffer.from('unsubscribe'), isPattern: false },
  pattern: { subscribe: Buffer.from('psubscribe'), unsubscribe: Buffer.from('punsubscribe'), isPattern: true },
};
type Kind = (typeof KINDS)['channel'];

/** Channels plus patterns: the count every confirmation carries (Redis's clientSubscriptionsCount). */
function subscriptionCount(ctx: Context): number {
  const subs = ctx.session.subscriptions;
  return subs.channels.size + subs.patterns.size;
}

/** One confirmation frame: kind, name (null: "from nothing"), count. */
function confirm(ctx: Context, what: Buffer, name: Buffer | null): void {
  const r = ctx.reply;
  r.push(3);
  r.bulk(what);
  if (name === null) r.nil();
  else r.bulk(name);
  r.integer(subscriptionCount(ctx));
}

function subscribe(kind: Kind) {
  return (ctx: Context, argv: Buffer[]): void => {
    const hub = hubOf(ctx.server);
    for (let i = 1; i < argv.length; i++) {
      hub.add(ctx.session, argv[i].toString('latin1'), kind.isPattern);
      confirm(ctx, kind.subscribe, argv[i]);
    }
  };
}

function unsubscribe(kind: Kind) {
  return (ctx: Context, argv: Buffer[]): void => {
    const hub = hubOf(ctx.server);
    if (argv.length > 1) {
      for (let i = 1; i < argv.length; i++) {
        hub.remove(ctx.session, argv[i].toString('latin1'), kind.isPattern);
        confirm(ctx, kind.unsubscribe, argv[i]);
      }
      return;
    }
    const own = kind.isPattern ? ctx.session.subscriptions.patterns : ctx.session.subscriptions.channels;
    // Without arguments: every subscription of the kind, or one confirmation naming nothing when there is none.
    if (own.size === 0) return confirm(ctx, kind.unsubscribe, null);
    for (const name of [...own]) {
      hub.remove(ctx.session, name, kind.isPattern);
      confirm(ctx, kind.unsubscribe, Buffer.from(name, 'latin1'));
    }
  };
}

onConnectionClosed((s) => hubOfSession(s)?.dropAll(s));
onConnectionReset((ctx) => hubOfSession(ctx.session)?.dropAll(ctx.session));

export const SUBSCRIBE_HANDLERS: Handler<Buffer[]>[] = [
  simpleHandler('subscribe', subscribe(KINDS.channel)),
  simpleHandler('unsubscribe', unsubscribe(KINDS.channel)),
  simpleHandler('psubscribe', subscribe(KINDS.pattern)),
  simpleHandler('punsubscribe', unsubscribe(KINDS.pattern)),
];
