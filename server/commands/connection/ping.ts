// PING and ECHO. PING accepts at most one argument although its spec arity allows any number, as in Redis.
import { wrongArity } from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Handler } from '../types.js';

export const ping: Handler<Buffer | null> = {
  name: 'ping',
  parse: (argv) => (argv.length > 2 ? new ErrorReply(wrongArity('ping')) : (argv[1] ?? null)),
  exec(ctx, message) {
    if (message === null) ctx.reply.simple('PONG');
    else ctx.reply.bulk(message);
  },
};

export const echo = simpleHandler('echo', (ctx, argv) => ctx.reply.bulk(argv[1]));
