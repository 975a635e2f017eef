// FLUSHDB, FLUSHALL [ASYNC|SYNC] and DBSIZE. Flushing is one log record and an index clear, so ASYNC and SYNC
// behave the same; the mode is still validated as Redis's getFlushCommandFlags does.
import { ERR_SYNTAX } from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Handler } from '../types.js';

function parseFlushMode(argv: Buffer[]): true | ErrorReply {
  if (argv.length > 2) return new ErrorReply(ERR_SYNTAX);
  if (argv.length === 2) {
    const mode = argv[1].toString('latin1').toLowerCase();
    if (mode !== 'sync' && mode !== 'async') return new ErrorReply(ERR_SYNTAX);
  }
  return true;
}

const FLUSHDB: Handler<true> = {
  name: 'flushdb',
  parse: parseFlushMode,
  exec(ctx) {
    ctx.ks.flushDb(ctx.session.db);
    ctx.reply.ok();
  },
};

const FLUSHALL: Handler<true> = {
  name: 'flushall',
  parse: parseFlushMode,
  exec(ctx) {
    ctx.ks.flushAll();
    ctx.reply.ok();
  },
};

export const FLUSH_HANDLERS: Handler<any>[] = [
  FLUSHDB,
  FLUSHALL,
  simpleHandler('dbsize', (ctx) => ctx.reply.integer(ctx.ks.db(ctx.session.db).size)),
];
