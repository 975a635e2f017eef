// CLIENT LIST [TYPE type | ID id …] and CLIENT INFO: one line per connection, in Redis 7.0's field order (the
// line itself is written by net/, which owns the connection's numbers). Verbatim strings under RESP3.
import { ERR_INVALID_CLIENT_ID, ERR_SYNTAX, unknownClientType } from '../../../resp/errors.js';
import { ErrorReply, simpleHandler, type Handler, type Session } from '../../types.js';
import { cString, parseLongLong, word } from '../../args.js';
import { clientTypeByName, clientTypeOf, type ClientType } from './types.js';

type ListPlan = { kind: 'all' } | { kind: 'type'; type: ClientType } | { kind: 'ids'; ids: number[] };

export const clientInfo = simpleHandler('client|info', (ctx) => ctx.reply.verbatim(ctx.session.describe() + '\n'));

export const clientList: Handler<ListPlan> = {
  name: 'client|list',
  parse(argv) {
    if (argv.length === 2) return { kind: 'all' };
    if (argv.length === 4 && word(argv[2]) === 'type') {
      const type = clientTypeByName(word(argv[3]));
      return type === null ? new ErrorReply(unknownClientType(cString(argv[3]))) : { kind: 'type', type };
    }
    if (argv.length > 3 && word(argv[2]) === 'id') {
      const ids: number[] = [];
      for (let j = 3; j < argv.length; j++) {
        const id = parseLongLong(argv[j]);
        if (id === null) return new ErrorReply(ERR_INVALID_CLIENT_ID);
        ids.push(Number(id));
      }
      return { kind: 'ids', ids };
    }
    return new ErrorReply(ERR_SYNTAX);
  },
  exec(ctx, plan) {
    let out = '';
    for (const s of selected(ctx.server.clients, plan)) out += s.describe() + '\n';
    ctx.reply.verbatim(out);
  },
};

function* selected(clients: { all(): Iterable<Session>; byId(id: number): Session | undefined }, plan: ListPlan): Iterable<Session> {
  if (plan.kind === 'ids') {
    // In the order asked, repeats included, as Redis lists them.
    for (const id of plan.ids) {
      const s = clients.byId(id);
      if (s !== undefined) yield s;
    }
    return;
  }
  for (const s of clients.all()) if (plan.kind === 'all' || clientTypeOf(s) === plan.type) yield s;
}
