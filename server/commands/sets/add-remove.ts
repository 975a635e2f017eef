// Writes that name their members: SADD, SREM, SMOVE. The keyspace operations log and notify; these reply.
import { addMembers, moveMember, removeMembers } from '../../keyspace/set.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { keyString } from '../args.js';
import type { Context, Handler } from '../types.js';

interface MembersPlan {
  key: string;
  members: string[];
}

function membersPlan(argv: Buffer[]): MembersPlan {
  const members: string[] = [];
  for (let i = 2; i < argv.length; i++) members.push(argv[i].toString('latin1'));
  return { key: argv[1].toString('latin1'), members };
}

function replyCount(ctx: Context, n: number | typeof WRONGTYPE): void {
  if (n === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
  else ctx.reply.integer(n);
}

interface AddPlan {
  key: string;
  /** Views into argv: the set copies what it keeps. */
  members: Buffer[];
}

/** SADD's effect and reply (also the hot path's). */
export function execSadd(ctx: Context, key: string, members: readonly Buffer[]): void {
  replyCount(ctx, addMembers(ctx.ks, ctx.session.db, key, members));
}

export const sadd: Handler<AddPlan> = {
  name: 'sadd',
  parse: (argv) => ({ key: keyString(argv[1]), members: argv.slice(2) }),
  exec: (ctx, p) => execSadd(ctx, p.key, p.members),
};

export const srem: Handler<MembersPlan> = {
  name: 'srem',
  parse: membersPlan,
  exec: (ctx, p) => replyCount(ctx, removeMembers(ctx.ks, ctx.session.db, p.key, p.members)),
};

interface MovePlan {
  src: string;
  dst: string;
  member: string;
}

export const smove: Handler<MovePlan> = {
  name: 'smove',
  parse: (argv) => ({ src: argv[1].toString('latin1'), dst: argv[2].toString('latin1'), member: argv[3].toString('latin1') }),
  exec: (ctx, p) => replyCount(ctx, moveMember(ctx.ks, ctx.session.db, p.src, p.dst, p.member)),
};
