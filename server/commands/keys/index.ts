// Generic key commands (Redis's db.c / expire.c family).
import { simpleHandler, type Handler } from '../types.js';

export const KEY_HANDLERS: Handler<any>[] = [
  simpleHandler('del', (ctx, argv) => {
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (ctx.ks.delete(ctx.session.db, argv[i].toString('latin1'))) n++;
    ctx.reply.integer(n);
  }),
];
