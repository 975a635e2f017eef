// Commands that move one element between lists: LMOVE and RPOPLPUSH (BLMOVE and BRPOPLPUSH serve through here).
import type { Entry } from '../../engine/entry.js';
import { lookupList, moveOne } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { readWhere } from './args.js';

export interface MovePlan {
  src: string;
  dst: string;
  fromHead: boolean;
  toHead: boolean;
}

/** `source destination LEFT|RIGHT LEFT|RIGHT` as LMOVE and BLMOVE read it. */
export function parseMove(argv: Buffer[]): MovePlan | ErrorReply {
  const fromHead = readWhere(argv[3]);
  if (fromHead instanceof ErrorReply) return fromHead;
  const toHead = readWhere(argv[4]);
  if (toHead instanceof ErrorReply) return toHead;
  return { src: argv[1].toString('latin1'), dst: argv[2].toString('latin1'), fromHead, toHead };
}

/** The move once the source is known to be a live list: checks the destination's type, moves, replies. */
export function moveFrom(ctx: Context, p: MovePlan, se: Entry): void {
  const db = ctx.session.db;
  const de = p.dst === p.src ? se : lookupList(ctx.ks, db, p.dst, true);
  if (de === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  ctx.reply.bulk(moveOne(ctx.ks, db, p.src, se, p.dst, de, p.fromHead, p.toHead));
}

function execMove(ctx: Context, p: MovePlan): void {
  const se = lookupList(ctx.ks, ctx.session.db, p.src, true);
  if (se === undefined) return ctx.reply.nil();
  if (se === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  moveFrom(ctx, p, se);
}

export const lmoveHandler: Handler<MovePlan> = { name: 'lmove', parse: parseMove, exec: execMove };

export const rpoplpushHandler: Handler<MovePlan> = {
  name: 'rpoplpush',
  parse: (argv) => ({ src: argv[1].toString('latin1'), dst: argv[2].toString('latin1'), fromHead: false, toHead: true }),
  exec: execMove,
};
