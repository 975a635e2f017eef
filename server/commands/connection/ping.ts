// PING and ECHO. PING accepts at most one argument although its spec arity allows any number, as in Redis; a RESP2
// connection with subscriptions gets ["pong", message or ""] instead, the only shape it can read there.
import { wrongArity } from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Context, type Handler } from '../types.js';

const PONG = Buffer.from('pong');
const EMPTY = Buffer.alloc(0);

/** Redis's CLIENT_PUBSUB on a RESP2 connection (the same test the dispatcher's subscribed mode makes). */
function subscribedResp2(ctx: Context): boolean {
  const subs = ctx.session.subscriptions;
  return ctx.session.resp === 2 && subs.channels.size + subs.patterns.size > 0;
}

export const ping: Handler<Buffer | null> = {
  name: 'ping',
  parse: (argv) => (argv.length > 2 ? new ErrorReply(wrongArity('ping')) : (argv[1] ?? null)),
  exec(ctx, message) {
    if (subscribedResp2(ctx)) {
      ctx.reply.array(2);
      ctx.reply.bulk(PONG);
      ctx.reply.bulk(message ?? EMPTY);
    } else if (message === null) ctx.reply.simple('PONG');
    else ctx.reply.bulk(message);
  },
};

export const echo = simpleHandler('echo', (ctx, argv) => ctx.reply.bulk(argv[1]));
