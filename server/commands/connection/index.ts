// Connection commands (PING, HELLO, AUTH, CLIENT …).
import { wrongArity } from '../../resp/errors.js';
import { simpleHandler, type Handler } from '../types.js';

export const CONNECTION_HANDLERS: Handler<any>[] = [
  simpleHandler('ping', (ctx, argv) => {
    if (argv.length > 2) ctx.reply.error(wrongArity('ping'));
    else if (argv.length === 1) ctx.reply.simple('PONG');
    else ctx.reply.bulk(argv[1]);
  }),
];
