// RENAME and RENAMENX: the value and its deadline move to the new name (logged as the value written there plus
// a delete of the old name; see keyspace/keys.ts).
import { RenameStatus, renameKey } from '../../keyspace/keys.js';
import { ERR_NO_SUCH_KEY } from '../../resp/errors.js';
import { simpleHandler, type Handler } from '../types.js';

function renameHandler(name: 'rename' | 'renamenx', nx: boolean): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    const status = renameKey(ctx.ks, ctx.session.db, argv[1].toString('latin1'), argv[2].toString('latin1'), nx);
    switch (status) {
      case RenameStatus.NoSuchKey:
        ctx.reply.error(ERR_NO_SUCH_KEY);
        break;
      case RenameStatus.TargetExists:
        ctx.reply.integer(0);
        break;
      case RenameStatus.SameKey:
        if (nx) ctx.reply.integer(0);
        else ctx.reply.ok();
        break;
      case RenameStatus.Renamed:
        if (nx) ctx.reply.integer(1);
        else ctx.reply.ok();
        break;
    }
  });
}

export const RENAME_HANDLERS: Handler<any>[] = [renameHandler('rename', false), renameHandler('renamenx', true)];
