// Byte ranges of string values: GETRANGE (and its old name SUBSTR) read a slice with Redis's index rules;
// SETRANGE overwrites from an offset (zero-padding), APPEND adds at the end. Both writes log the whole result.
import { lookupStringRead, append, setRange } from '../../keyspace/strings.js';
import { parseLongLongNumber } from '../../keyspace/number-parse.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_NOT_INTEGER, ERR_OFFSET_OUT_OF_RANGE, ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { statusError } from './status-errors.js';

const EMPTY = Buffer.alloc(0);

interface GetRangePlan {
  key: string;
  start: number;
  end: number;
}

/** The [from, to) slice GETRANGE returns for a value of `len` bytes, or null for the empty string. */
export function rangeOf(start: number, end: number, len: number): [number, number] | null {
  if (start < 0 && end < 0 && start > end) return null;
  if (start < 0) start = Math.max(len + start, 0);
  if (end < 0) end = Math.max(len + end, 0);
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return null;
  return [start, end + 1];
}

function getRangeHandler(name: 'getrange' | 'substr'): Handler<GetRangePlan> {
  return {
    name,
    parse(argv) {
      const start = parseLongLongNumber(argv[2]);
      const end = start === null ? null : parseLongLongNumber(argv[3]);
      if (start === null || end === null) return new ErrorReply(ERR_NOT_INTEGER);
      return { key: argv[1].toString('latin1'), start, end };
    },
    exec(ctx, p) {
      const e = lookupStringRead(ctx.ks, ctx.session.db, p.key);
      if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      const r = e === undefined ? null : rangeOf(p.start, p.end, e.len);
      ctx.reply.bulk(r === null ? EMPTY : ctx.ks.valueOf(e!).subarray(r[0], r[1]));
    },
  };
}

export const getrangeHandler = getRangeHandler('getrange');
export const substrHandler = getRangeHandler('substr');

function maxStringLength(ctx: Context): number {
  return ctx.server.config.num('proto-max-bulk-len');
}

interface SetRangePlan {
  key: string;
  offset: number;
  chunk: Buffer;
}

export const setrangeHandler: Handler<SetRangePlan> = {
  name: 'setrange',
  parse(argv) {
    const offset = parseLongLongNumber(argv[2]);
    if (offset === null) return new ErrorReply(ERR_NOT_INTEGER);
    if (offset < 0) return new ErrorReply(ERR_OFFSET_OUT_OF_RANGE);
    return { key: argv[1].toString('latin1'), offset, chunk: argv[3] };
  },
  exec(ctx, p) {
    const r = setRange(ctx.ks, ctx.session.db, p.key, p.offset, p.chunk, maxStringLength(ctx));
    if (typeof r === 'number') ctx.reply.integer(r);
    else ctx.reply.error(statusError(r));
  },
};

export const appendHandler: Handler<{ key: string; suffix: Buffer }> = {
  name: 'append',
  parse: (argv) => ({ key: argv[1].toString('latin1'), suffix: argv[2] }),
  exec(ctx, p) {
    const r = append(ctx.ks, ctx.session.db, p.key, p.suffix, maxStringLength(ctx));
    if (typeof r === 'number') ctx.reply.integer(r);
    else ctx.reply.error(statusError(r));
  },
};
