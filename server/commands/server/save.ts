// SAVE, BGSAVE [SCHEDULE], LASTSAVE and BGREWRITEAOF, answered as Redis answers them; what they do to the log is
// SaveState's business (save-state.ts) and, for BGREWRITEAOF, a full pass of the cleaner.
import { ERR_BARE, ERR_BGREWRITEAOF_IN_PROGRESS, ERR_BGSAVE_IN_PROGRESS, ERR_SYNTAX } from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Handler } from '../types.js';
import { adminOf } from './admin.js';

const BGSAVE: Handler<true> = {
  name: 'bgsave',
  parse(argv) {
    // SCHEDULE only matters while another kind of background job runs, which faha never has.
    if (argv.length > 2 || (argv.length === 2 && argv[1].toString('latin1').toLowerCase() !== 'schedule')) {
      return new ErrorReply(ERR_SYNTAX);
    }
    return true;
  },
  exec(ctx) {
    if (adminOf(ctx.server).saves.bgsave()) ctx.reply.simple('Background saving started');
    else ctx.reply.error(ERR_BGSAVE_IN_PROGRESS);
  },
};

export const SAVE_HANDLERS: Handler<any>[] = [
  simpleHandler('save', (ctx) => {
    const saves = adminOf(ctx.server).saves;
    if (saves.inProgress) ctx.reply.error(ERR_BGSAVE_IN_PROGRESS);
    else if (saves.save()) ctx.reply.ok();
    else ctx.reply.error(ERR_BARE);
  }),
  BGSAVE,
  simpleHandler('lastsave', (ctx) => ctx.reply.integer(adminOf(ctx.server).saves.lastSave)),
  // Redis rewrites its AOF to the live dataset; faha's equivalent is cleaning every segment but the head.
  simpleHandler('bgrewriteaof', (ctx) => {
    if (adminOf(ctx.server).cleaner.fullPass()) ctx.reply.simple('Background append only file rewriting started');
    else ctx.reply.error(ERR_BGREWRITEAOF_IN_PROGRESS);
  }),
];
