// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]: the longest common subsequence of two strings, its
// length, or its matched ranges (an array in RESP2, a map in RESP3). Redis checks the keys' types before the
// options, so option errors found by parse wait in the plan until exec has looked at the keys.
import type { Entry } from '../../engine/entry.js';
import { parseLongLong } from '../../keyspace/number-parse.js';
import { lookupStringRead } from '../../keyspace/strings.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import {
  ERR_LCS_LEN_AND_IDX,
  ERR_LCS_NO_MEMORY,
  ERR_LCS_NOT_STRINGS,
  ERR_LCS_TABLE_TOO_BIG,
  ERR_LCS_TOO_LONG,
  ERR_NOT_INTEGER,
  ERR_SYNTAX,
} from '../../resp/errors.js';
import type { ReplyWriter } from '../../resp/reply.js';
import type { Context, Handler } from '../types.js';
import { computeLcs, lcsTableBytes, type LcsResult } from './lcs-table.js';
import { optionWord } from './token.js';

/** Redis refuses strings of UINT32_MAX-1 bytes or more (its table holds 32-bit indexes). */
const MAX_LCS_INPUT = 2 ** 32 - 2;
const EMPTY = Buffer.alloc(0);

interface LcsPlan {
  a: string;
  b: string;
  len: boolean;
  idx: boolean;
  withMatchLen: boolean;
  minMatchLen: number;
  /** The first option error, reported only after the keys were checked. */
  error: string | null;
}

function parseLcs(argv: Buffer[]): LcsPlan {
  const plan: LcsPlan = { a: argv[1].toString('latin1'), b: argv[2].toString('latin1'), len: false, idx: false, withMatchLen: false, minMatchLen: 0, error: null };
  for (let j = 3; j < argv.length; j++) {
    const word = optionWord(argv[j], 12);
    if (word === 'idx') plan.idx = true;
    else if (word === 'len') plan.len = true;
    else if (word === 'withmatchlen') plan.withMatchLen = true;
    else if (word === 'minmatchlen' && j < argv.length - 1) {
      const n = parseLongLong(argv[++j]);
      if (n === null) return { ...plan, error: ERR_NOT_INTEGER };
      plan.minMatchLen = n < 0n ? 0 : Number(n);
    } else {
      return { ...plan, error: ERR_SYNTAX };
    }
  }
  if (plan.len && plan.idx) plan.error = ERR_LCS_LEN_AND_IDX;
  return plan;
}

/** A zeroed DP table, or the error Redis gives when it may not or cannot allocate one. */
function allocateTable(ctx: Context, aLen: number, bLen: number): Uint32Array | string {
  if (aLen >= MAX_LCS_INPUT || bLen >= MAX_LCS_INPUT) return ERR_LCS_TOO_LONG;
  const bytes = lcsTableBytes(aLen, bLen);
  if (bytes > ctx.server.config.num('proto-max-bulk-len')) return ERR_LCS_TABLE_TOO_BIG;
  try {
    return new Uint32Array(bytes / 4);
  } catch {
    return ERR_LCS_NO_MEMORY;
  }
}

function replyMatches(reply: ReplyWriter, r: LcsResult, withMatchLen: boolean): void {
  reply.map(2);
  reply.bulkString('matches');
  reply.array(r.matches.length);
  for (const m of r.matches) {
    reply.array(withMatchLen ? 3 : 2);
    reply.array(2);
    reply.integer(m.a[0]);
    reply.integer(m.a[1]);
    reply.array(2);
    reply.integer(m.b[0]);
    reply.integer(m.b[1]);
    if (withMatchLen) reply.integer(m.len);
  }
  reply.bulkString('len');
  reply.integer(r.len);
}

export const lcsHandler: Handler<LcsPlan> = {
  name: 'lcs',
  parse: parseLcs,
  exec(ctx, p) {
    const db = ctx.session.db;
    const ea = lookupStringRead(ctx.ks, db, p.a);
    const eb = lookupStringRead(ctx.ks, db, p.b);
    if (ea === WRONGTYPE || eb === WRONGTYPE) return ctx.reply.error(ERR_LCS_NOT_STRINGS);
    if (p.error !== null) return ctx.reply.error(p.error);
    const a = valueOrEmpty(ctx, ea);
    const b = valueOrEmpty(ctx, eb);
    const table = allocateTable(ctx, a.length, b.length);
    if (typeof table === 'string') return ctx.reply.error(table);
    const r = computeLcs(a, b, table, p.idx || !p.len, p.minMatchLen);
    if (p.idx) replyMatches(ctx.reply, r, p.withMatchLen);
    else if (p.len) ctx.reply.integer(r.len);
    else ctx.reply.bulk(r.subsequence!);
  },
};

function valueOrEmpty(ctx: Context, e: Entry | undefined): Buffer {
  return e === undefined ? EMPTY : ctx.ks.valueOf(e);
}
