// DEBUG: SLEEP (blocks the whole server, as Redis's does), FAULT (faha's fault points), DEMOTE (faha's hot tier)
// and HELP; any other subcommand gets the answer Redis gives an unknown one. Guarded by enable-debug-command
// (no / yes / local) before anything else, as in Redis.
import { errnoByName } from '../../platform/libc.js';
import { armFault, clearFaults, describeFaults, isFaultPoint } from '../../platform/fault-points.js';
import {
  ERR_DEBUG_FAULT_COUNT, ERR_DEBUG_FAULT_ERRNO, ERR_DEBUG_FAULT_POINT, ERR_DEBUG_NOT_ALLOWED, subcommandSyntaxError,
} from '../../resp/errors.js';
import type { Context, Handler } from '../types.js';
import { adminOf } from './admin.js';
import { replyHelp } from './help.js';

const DEBUG_HELP_LINES = [
  'SLEEP <seconds>',
  '    Block the whole server for <seconds>; fractions of a second are allowed.',
  'FAULT <point> <errno> [<count>]',
  '    (faha) Make the next <count> calls at a fault point fail with <errno> (ENOSPC, EIO...), all of them if no',
  '    count is given. Points: segment-create, manifest-write, persist. For tests of disk faults.',
  'FAULT CLEAR [<point>]',
  '    (faha) Disarm one fault point, or all of them.',
  'FAULT LIST',
  '    (faha) The armed fault points, their errno and the calls left.',
  'DEMOTE',
  '    (faha) Make every key cold now, whatever hot-cache-size says; replies with how many keys went.',
];

/** C's strtod on the start of `s` (leading spaces, sign, decimal or hex digits, inf, nan); 0 when nothing parses. */
export function strtodPrefix(s: string): number {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  const hex = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?/i.exec(t);
  if (hex && (hex[2] !== '' || (hex[3] ?? '') !== '')) {
    const frac = hex[3] ?? '';
    const v = parseInt(hex[2] || '0', 16) + (frac === '' ? 0 : parseInt(frac, 16) / 16 ** frac.length);
    return hex[1] === '-' ? -v : v;
  }
  if (/^[+-]?inf/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan/i.test(t)) return NaN;
  const dec = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(t);
  return dec === null ? 0 : Number(dec[0]);
}

/**
 * Milliseconds DEBUG SLEEP blocks for. Redis converts seconds to a 64-bit count of microseconds; NaN, infinities
 * and out-of-range values become a negative count there, and nanosleep returns at once.
 */
export function sleepMillis(seconds: number): number {
  const us = Math.trunc(seconds * 1e6);
  if (!Number.isFinite(us) || us <= 0 || us >= 2 ** 63) return 0;
  return us / 1000;
}

function debugAllowed(ctx: Context): boolean {
  const mode = ctx.server.config.str('enable-debug-command');
  if (mode === 'yes') return true;
  if (mode !== 'local') return false;
  const addr = ctx.session.addr;
  return addr.startsWith('127.0.0.1:') || addr.startsWith('[::1]:');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** DEBUG FAULT <point> <errno> [count] | CLEAR [point] | LIST. */
function debugFault(ctx: Context, argv: Buffer[]): void {
  const word = argv[2].toString('latin1').toLowerCase();
  if (word === 'list' && argv.length === 3) {
    const armed = describeFaults();
    ctx.reply.array(armed.length);
    for (const line of armed) ctx.reply.bulkString(line);
    return;
  }
  if (word === 'clear' && argv.length <= 4) {
    const point = argv.length === 4 ? argv[3].toString('latin1').toLowerCase() : undefined;
    if (point !== undefined && !isFaultPoint(point)) return ctx.reply.error(ERR_DEBUG_FAULT_POINT);
    clearFaults(point);
    return ctx.reply.ok();
  }
  if (!isFaultPoint(word)) return ctx.reply.error(ERR_DEBUG_FAULT_POINT);
  if (argv.length < 4 || argv.length > 5) return ctx.reply.error(subcommandSyntaxError(argv[1], 'debug'));
  const errno = errnoByName(argv[3].toString('latin1'));
  if (errno <= 0) return ctx.reply.error(ERR_DEBUG_FAULT_ERRNO);
  let count = Infinity;
  if (argv.length === 5) {
    const text = argv[4].toString('latin1');
    count = /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(count)) return ctx.reply.error(ERR_DEBUG_FAULT_COUNT);
  }
  armFault(word, errno, count);
  ctx.reply.ok();
}

export const DEBUG_HANDLER: Handler<Buffer[]> = {
  name: 'debug',
  // Everything is decided in exec: the permission check comes before any argument check.
  parse: (argv) => argv,
  exec(ctx, argv) {
    if (!debugAllowed(ctx)) {
      ctx.reply.error(ERR_DEBUG_NOT_ALLOWED);
      return;
    }
    const sub = argv[1].toString('latin1').toLowerCase();
    if (sub === 'sleep' && argv.length === 3) {
      const ms = sleepMillis(strtodPrefix(argv[2].toString('latin1')));
      if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
      ctx.reply.ok();
    } else if (sub === 'fault' && argv.length >= 3) {
      debugFault(ctx, argv);
    } else if (sub === 'demote' && argv.length === 2) {
      ctx.reply.integer(adminOf(ctx.server).hotTier.demoteAll());
    } else if (sub === 'help' && argv.length === 2) {
      replyHelp(ctx, argv[0], DEBUG_HELP_LINES);
    } else {
      ctx.reply.error(subcommandSyntaxError(argv[1], 'debug'));
    }
  },
};
