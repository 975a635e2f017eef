// String commands (Redis's t_string.c family).
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { simpleHandler, type Handler } from '../types.js';

export const STRING_HANDLERS: Handler<any>[] = [
  simpleHandler('get', (ctx, argv) => {
    const v = ctx.ks.getString(ctx.session.db, argv[1].toString('latin1'));
    if (v === null) ctx.reply.nil();
    else if (v === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.bulk(v);
  }),
  simpleHandler('set', (ctx, argv) => {
    ctx.ks.setString(ctx.session.db, argv[1].toString('latin1'), argv[2], 0);
    ctx.reply.ok();
  }),
];
