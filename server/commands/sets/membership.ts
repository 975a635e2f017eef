// Reads of one set: SISMEMBER, SMISMEMBER, SCARD. No changes to data.
import { readSet } from '../../keyspace/set.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { keyString } from '../args.js';
import type { Handler } from '../types.js';

interface MembersPlan {
  key: string;
  /** Views into argv: looked up by their bytes, no string made. */
  members: Buffer[];
}

const membersPlan = (argv: Buffer[]): MembersPlan => ({ key: keyString(argv[1]), members: argv.slice(2) });

export const sismember: Handler<MembersPlan> = {
  name: 'sismember',
  parse: membersPlan,
  exec(ctx, p) {
    const set = readSet(ctx.ks, ctx.session.db, p.key);
    if (set === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(set !== undefined && set.hasBytes(p.members[0]) ? 1 : 0);
  },
};

/** A missing key is an empty set: one zero per member. */
export const smismember: Handler<MembersPlan> = {
  name: 'smismember',
  parse: membersPlan,
  exec(ctx, p) {
    const set = readSet(ctx.ks, ctx.session.db, p.key);
    if (set === WRONGTYPE) {
      ctx.reply.error(ERR_WRONGTYPE);
      return;
    }
    ctx.reply.array(p.members.length);
    for (const m of p.members) ctx.reply.integer(set !== undefined && set.hasBytes(m) ? 1 : 0);
  },
};

export const scard: Handler<MembersPlan> = {
  name: 'scard',
  parse: membersPlan,
  exec(ctx, p) {
    const set = readSet(ctx.ks, ctx.session.db, p.key);
    if (set === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(set === undefined ? 0 : set.size);
  },
};
