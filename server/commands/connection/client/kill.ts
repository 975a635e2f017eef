// CLIENT KILL <addr> (old form: may kill the caller, replies OK or "No such client") and CLIENT KILL <filter>
// <value> … (ID, TYPE, USER, ADDR, LADDR, SKIPME; replies the number killed). The caller, if it matches, is
// closed after its reply; the others at once.
import {
  ERR_CLIENT_ID_NOT_POSITIVE, ERR_NO_SUCH_CLIENT, ERR_SYNTAX, noSuchUser, unknownClientType,
} from '../../../resp/errors.js';
import { ErrorReply, type Context, type Handler, type Session } from '../../types.js';
import { userExists } from '../credentials.js';
import { cString, parseLongLong, word } from '../../args.js';
import { clientTypeByName, clientTypeOf, type ClientType } from './types.js';

interface KillFilter {
  oldForm: boolean;
  addr: string | null;
  laddr: string | null;
  type: ClientType | null;
  id: number | null;
  user: string | null;
  skipMe: boolean;
}

export const clientKill: Handler<KillFilter> = {
  name: 'client|kill',
  parse(argv) {
    const f: KillFilter = { oldForm: argv.length === 3, addr: null, laddr: null, type: null, id: null, user: null, skipMe: true };
    if (f.oldForm) {
      f.addr = cString(argv[2]);
      // With the old form a client may kill itself.
      f.skipMe = false;
      return f;
    }
    for (let i = 2; i < argv.length; i += 2) {
      const err = i + 1 < argv.length ? parseOption(f, word(argv[i]), argv[i + 1]) : ERR_SYNTAX;
      if (err !== null) return new ErrorReply(err);
    }
    return f;
  },
  exec(ctx, f) {
    const me = ctx.session;
    const victims = [...ctx.server.clients.all()].filter((s) => matches(f, s) && !(s === me && f.skipMe));
    let closeMe = false;
    for (const s of victims) {
      if (s === me) closeMe = true;
      else s.close(false);
    }
    reply(ctx, f, victims.length);
    if (closeMe) me.close(true);
  },
};

/** Reads one `<option> <value>` pair into the filter; returns an error text or null. */
function parseOption(f: KillFilter, option: string, value: Buffer): string | null {
  switch (option) {
    case 'id': {
      const id = parseLongLong(value);
      if (id === null || id < 1n) return ERR_CLIENT_ID_NOT_POSITIVE;
      f.id = Number(id);
      return null;
    }
    case 'type':
      f.type = clientTypeByName(word(value));
      return f.type === null ? unknownClientType(cString(value)) : null;
    case 'addr':
      f.addr = cString(value);
      return null;
    case 'laddr':
      f.laddr = cString(value);
      return null;
    case 'user':
      f.user = cString(value);
      return userExists(f.user) ? null : noSuchUser(f.user);
    case 'skipme': {
      const v = word(value);
      if (v !== 'yes' && v !== 'no') return ERR_SYNTAX;
      f.skipMe = v === 'yes';
      return null;
    }
    default:
      return ERR_SYNTAX;
  }
}

function matches(f: KillFilter, s: Session): boolean {
  if (f.addr !== null && s.addr !== f.addr) return false;
  if (f.laddr !== null && s.laddr !== f.laddr) return false;
  if (f.type !== null && clientTypeOf(s) !== f.type) return false;
  if (f.id !== null && s.id !== f.id) return false;
  // Every connection is the default user's (userExists accepted the name).
  return true;
}

function reply(ctx: Context, f: KillFilter, killed: number): void {
  if (!f.oldForm) ctx.reply.integer(killed);
  else if (killed === 0) ctx.reply.error(ERR_NO_SUCH_CLIENT);
  else ctx.reply.ok();
}
