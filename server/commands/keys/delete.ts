// DEL and UNLINK: remove keys, counting only those that existed (an expired key counts as expired, not deleted).
// UNLINK is DEL here: a delete is one log record whatever the size of the value, so there is nothing to defer.
import { NotifyClass } from '../../keyspace/notify.js';
import { simpleHandler, type Handler } from '../types.js';

function deleteHandler(name: 'del' | 'unlink'): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    const db = ctx.session.db;
    let n = 0;
    for (let i = 1; i < argv.length; i++) {
      const key = argv[i].toString('latin1');
      // Lazy expiry first, as Redis's expireIfNeeded, so a key past its deadline is not counted as deleted.
      ctx.ks.peek(db, key);
      if (!ctx.ks.delete(db, key)) continue;
      ctx.ks.notify(NotifyClass.Generic, 'del', db, key);
      n++;
    }
    ctx.reply.integer(n);
  });
}

export const DELETE_HANDLERS: Handler<any>[] = [deleteHandler('del'), deleteHandler('unlink')];
