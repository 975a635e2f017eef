// MULTI, EXEC, DISCARD, WATCH, UNWATCH (Redis's multi.c). Queuing itself is the dispatcher's (it decides what
// is queued and what aborts the transaction); EXEC runs the queue through the dispatcher in one turn, so the
// transaction's records land in one batch: after a crash all of it is in the log or none (DESIGN §4).
import {
  ERR_DISCARD_WITHOUT_MULTI, ERR_EXEC_WITHOUT_MULTI, ERR_EXECABORT, ERR_MULTI_NESTED, ERR_WATCH_IN_MULTI,
} from '../../resp/errors.js';
import { onConnectionReset } from '../connection/reset.js';
import { onConnectionClosed } from '../session-hooks.js';
import { simpleHandler, type Context, type Handler } from '../types.js';

export const multiHandler = simpleHandler('multi', (ctx) => {
  if (ctx.session.multi !== null) {
    ctx.reply.error(ERR_MULTI_NESTED);
    return;
  }
  ctx.session.multi = { queue: [], aborted: false };
  ctx.reply.ok();
});

export const discardHandler = simpleHandler('discard', (ctx) => {
  if (ctx.session.multi === null) {
    ctx.reply.error(ERR_DISCARD_WITHOUT_MULTI);
    return;
  }
  endTransaction(ctx);
  ctx.reply.ok();
});

export const execHandler = simpleHandler('exec', (ctx) => {
  const s = ctx.session;
  const multi = s.multi;
  if (multi === null) {
    ctx.reply.error(ERR_EXEC_WITHOUT_MULTI);
    return;
  }
  // A watched key that was live at WATCH and is past its deadline now counts as changed (Redis 7.0).
  const watchFailed = s.dirtyCas || ctx.server.watches.expiredSinceWatch(s);
  endTransaction(ctx);
  if (multi.aborted) {
    ctx.reply.error(ERR_EXECABORT);
    return;
  }
  if (watchFailed) {
    ctx.reply.nilArray();
    return;
  }
  ctx.reply.array(multi.queue.length);
  // Inside EXEC a blocking command answers at once, as if its timeout had passed.
  const inner: Context = { ...ctx, canBlock: false, block: () => {}, suspend: () => {} };
  for (const q of multi.queue) ctx.server.dispatcher.run(q.def, inner, q.argv);
});

export const watchHandler: Handler<Buffer[]> = {
  name: 'watch',
  parse: (argv) => argv,
  exec(ctx, argv) {
    if (ctx.session.multi !== null) {
      ctx.reply.error(ERR_WATCH_IN_MULTI);
      return;
    }
    for (let i = 1; i < argv.length; i++) ctx.server.watches.watch(ctx.session, ctx.session.db, argv[i].toString('latin1'));
    ctx.reply.ok();
  },
};

export const unwatchHandler = simpleHandler('unwatch', (ctx) => {
  ctx.server.watches.unwatchAll(ctx.session);
  ctx.reply.ok();
});

/** Leaves the transaction: the queue is dropped and every key unwatched (EXEC and DISCARD both do this). */
function endTransaction(ctx: Context): void {
  ctx.session.multi = null;
  ctx.server.watches.unwatchAll(ctx.session);
}

onConnectionReset(endTransaction);
onConnectionClosed((session, server) => {
  session.multi = null;
  server.watches.unwatchAll(session);
});
