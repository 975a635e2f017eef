// EXISTS, TOUCH and TYPE: questions about keys that read no value. EXISTS and TYPE leave the access time alone
// (LOOKUP_NOTOUCH); TOUCH exists to set it.
import { readKey, readKeyNoTouch, typeName } from '../../keyspace/keys.js';
import { simpleHandler, type Handler } from '../types.js';

const exists = simpleHandler('exists', (ctx, argv) => {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (readKeyNoTouch(ctx.ks, ctx.session.db, argv[i].toString('latin1')) !== undefined) n++;
  ctx.reply.integer(n);
});

const touch = simpleHandler('touch', (ctx, argv) => {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (readKey(ctx.ks, ctx.session.db, argv[i].toString('latin1')) !== undefined) n++;
  ctx.reply.integer(n);
});

const type = simpleHandler('type', (ctx, argv) => {
  ctx.reply.simple(typeName(readKeyNoTouch(ctx.ks, ctx.session.db, argv[1].toString('latin1'))));
});

export const EXISTS_HANDLERS: Handler<any>[] = [exists, touch, type];
