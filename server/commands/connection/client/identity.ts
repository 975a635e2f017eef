// CLIENT ID, SETNAME, GETNAME and SETINFO: what a connection says about itself.
import { ERR_CLIENT_NAME, clientAttrInvalid, unrecognizedOption } from '../../../resp/errors.js';
import { ErrorReply, simpleHandler, type Handler } from '../../types.js';
import { validName } from '../client-name.js';
import { cString, word } from '../../args.js';

export const clientId = simpleHandler('client|id', (ctx) => ctx.reply.integer(ctx.session.id));

export const clientSetname: Handler<string> = {
  name: 'client|setname',
  // An empty name removes the name.
  parse: (argv) => (validName(argv[2]) ? argv[2].toString('latin1') : new ErrorReply(ERR_CLIENT_NAME)),
  exec(ctx, name) {
    ctx.session.name = name;
    ctx.reply.ok();
  },
};

export const clientGetname = simpleHandler('client|getname', (ctx) => {
  const name = ctx.session.name;
  if (name === '') ctx.reply.nil();
  else ctx.reply.bulkString(name, 'latin1');
});

interface SetinfoPlan {
  attr: 'libName' | 'libVer';
  value: string;
}

/** CLIENT SETINFO LIB-NAME|LIB-VER <value>: Redis 7.2's, which client libraries send on connect. */
export const clientSetinfo: Handler<SetinfoPlan> = {
  name: 'client|setinfo',
  parse(argv) {
    const attr = word(argv[2]);
    if (attr !== 'lib-name' && attr !== 'lib-ver') return new ErrorReply(unrecognizedOption(cString(argv[2])));
    if (!validAttr(argv[3])) return new ErrorReply(clientAttrInvalid(cString(argv[2])));
    return { attr: attr === 'lib-name' ? 'libName' : 'libVer', value: argv[3].toString('latin1') };
  },
  exec(ctx, { attr, value }) {
    ctx.session[attr] = value;
    ctx.reply.ok();
  },
};

/** Redis 7.2 checks the value as a C string: the check (and the value it keeps) ends at a NUL byte. */
function validAttr(b: Buffer): boolean {
  const nul = b.indexOf(0);
  return validName(nul < 0 ? b : b.subarray(0, nul));
}
