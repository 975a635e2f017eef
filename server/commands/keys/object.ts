// OBJECT ENCODING / FREQ / IDLETIME / REFCOUNT / HELP: what Redis would report about a key's value object. The
// key is looked up without touching it (LOOKUP_NOTOUCH), so asking does not change the answer.
import { lruSeconds } from '../../clock.js';
import { encodingName, readKeyNoTouch, refcount } from '../../keyspace/keys.js';
import { lfuFrequency } from '../../keyspace/lfu.js';
import type { Entry } from '../../engine/entry.js';
import { ERR_LFU_NOT_SELECTED, ERR_LFU_SELECTED } from '../../resp/errors.js';
import { simpleHandler, type Context, type Handler } from '../types.js';
import { integersShared, isLfuPolicy } from './policy.js';

/** OBJECT <sub> key: replies null for a missing key, else hands the entry to `answer`. */
function objectSub(name: string, answer: (ctx: Context, e: Entry) => void): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    // LOOKUP_NONOTIFY: asking about a missing key is not announced as a keymiss.
    const e = readKeyNoTouch(ctx.ks, ctx.session.db, argv[2].toString('latin1'), false);
    if (e === undefined) ctx.reply.nil();
    else answer(ctx, e);
  });
}

const HELP = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

/** addReplyHelp: the command word as the client spelled it, upper-cased, then the lines, then HELP itself. */
const help = simpleHandler('object|help', (ctx, argv) => {
  ctx.reply.array(HELP.length + 3);
  ctx.reply.simple(`${argv[0].toString('latin1').toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`);
  for (const line of HELP) ctx.reply.simple(line);
  ctx.reply.simple('HELP');
  ctx.reply.simple('    Prints this help.');
});

export const OBJECT_HANDLERS: Handler<any>[] = [
  objectSub('object|encoding', (ctx, e) => ctx.reply.bulkString(encodingName(e))),
  objectSub('object|refcount', (ctx, e) => ctx.reply.integer(refcount(ctx.ks, e, integersShared(ctx.server.config)))),
  objectSub('object|idletime', (ctx, e) => {
    if (isLfuPolicy(ctx.server.config)) ctx.reply.error(ERR_LFU_SELECTED);
    else ctx.reply.integer(Math.max(0, lruSeconds() - e.atime));
  }),
  objectSub('object|freq', (ctx, e) => {
    if (!isLfuPolicy(ctx.server.config)) ctx.reply.error(ERR_LFU_NOT_SELECTED);
    else ctx.reply.integer(lfuFrequency(e));
  }),
  help,
];
