// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT] with Redis 7.0's grammar. The log is always persisted on the
// way out (NOSAVE included); the server's shutdown() does it and closes every connection, so success has no reply.
import { ERR_NO_SHUTDOWN_IN_PROGRESS, ERR_SYNTAX } from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';

interface ShutdownPlan {
  abort: boolean;
  save: boolean | null;
  now: boolean;
  force: boolean;
}

export function parseShutdown(argv: Buffer[]): ShutdownPlan | ErrorReply {
  let nosave = false;
  let save = false;
  let now = false;
  let force = false;
  let abort = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i].toString('latin1').toLowerCase();
    if (a === 'nosave') nosave = true;
    else if (a === 'save') save = true;
    else if (a === 'now') now = true;
    else if (a === 'force') force = true;
    else if (a === 'abort') abort = true;
    else return new ErrorReply(ERR_SYNTAX);
  }
  if ((abort && (nosave || save || now || force)) || (nosave && save)) return new ErrorReply(ERR_SYNTAX);
  return { abort, save: save ? true : nosave ? false : null, now, force };
}

export const SHUTDOWN_HANDLER: Handler<ShutdownPlan> = {
  name: 'shutdown',
  parse: parseShutdown,
  exec(ctx, plan) {
    // Shutdown never waits for replicas here, so there is never one in progress to abort.
    if (plan.abort) {
      ctx.reply.error(ERR_NO_SHUTDOWN_IN_PROGRESS);
      return;
    }
    const failed = ctx.server.shutdown({ save: plan.save, now: plan.now, force: plan.force });
    if (failed !== null) ctx.reply.error(failed.message);
  },
};
