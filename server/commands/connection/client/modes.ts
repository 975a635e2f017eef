// CLIENT REPLY ON|OFF|SKIP and CLIENT NO-EVICT ON|OFF: per-connection switches. The connection (net/) drops the
// replies REPLY asks it to; OFF and SKIP themselves have no reply.
import { ERR_SYNTAX } from '../../../resp/errors.js';
import { ErrorReply, type Handler } from '../../types.js';
import { word } from '../../args.js';

export const clientReply: Handler<'on' | 'off' | 'skip'> = {
  name: 'client|reply',
  parse(argv) {
    const mode = word(argv[2]);
    return mode === 'on' || mode === 'off' || mode === 'skip' ? mode : new ErrorReply(ERR_SYNTAX);
  },
  exec(ctx, mode) {
    const s = ctx.session;
    if (mode === 'on') {
      s.replyMode = 'on';
      ctx.reply.ok();
    } else if (mode === 'off') {
      s.replyMode = 'off';
    } else if (s.replyMode !== 'off') {
      // SKIP while OFF changes nothing: replies stay off.
      s.replyMode = 'skip';
    }
  },
};

export const clientNoEvict: Handler<boolean> = {
  name: 'client|no-evict',
  parse(argv) {
    const v = word(argv[2]);
    return v === 'on' ? true : v === 'off' ? false : new ErrorReply(ERR_SYNTAX);
  },
  exec(ctx, on) {
    ctx.session.noEvict = on;
    ctx.reply.ok();
  },
};
