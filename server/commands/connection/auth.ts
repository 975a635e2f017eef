// AUTH <password> and AUTH <username> <password>. A failed AUTH leaves an earlier authentication in place, as in
// Redis 7.0; the arguments are redacted for MONITOR once the syntax is known to be right.
import { ERR_AUTH_NO_PASSWORD, ERR_SYNTAX, ERR_WRONGPASS } from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';
import { checkCredentials } from './credentials.js';
import { redact } from './redact.js';

const DEFAULT_USER = Buffer.from('default');

export const auth: Handler<Buffer[]> = {
  name: 'auth',
  parse: (argv) => (argv.length > 3 ? new ErrorReply(ERR_SYNTAX) : argv),
  exec(ctx, argv) {
    const [user, password] = argv.length === 2 ? [DEFAULT_USER, argv[1]] : [argv[1], argv[2]];
    redact(argv, 1);
    redact(argv, 2);
    const config = ctx.server.config;
    if (argv.length === 2 && config.str('requirepass') === '') {
      ctx.reply.error(ERR_AUTH_NO_PASSWORD);
      return;
    }
    if (!checkCredentials(config, user, password)) {
      ctx.reply.error(ERR_WRONGPASS);
      return;
    }
    ctx.session.authenticated = true;
    ctx.reply.ok();
  },
};
