// PUBLISH and the PUBSUB introspection subcommands (CHANNELS, NUMSUB, NUMPAT, HELP) over the hub's registry.
// The shard variants (SPUBLISH, PUBSUB SHARDCHANNELS/SHARDNUMSUB) are not served: see index.ts.
import { stringMatch } from '../../keyspace/glob.js';
import { subcommandSyntaxError } from '../../resp/errors.js';
import { replyHelp } from '../server/help.js';
import { ErrorReply, simpleHandler, type Handler } from '../types.js';
import { hubOf } from './hub.js';

export const publish = simpleHandler('publish', (ctx, argv) => {
  ctx.reply.integer(hubOf(ctx.server).publish(argv[1], argv[2]));
});

/** PUBSUB CHANNELS [pattern]: active channels (with at least one subscriber), all or those matching. */
const channels: Handler<{ pattern: string | null }> = {
  name: 'pubsub|channels',
  parse(argv) {
    // The spec lets any number of arguments through; Redis refuses more than one pattern in the command itself.
    if (argv.length > 3) return new ErrorReply(subcommandSyntaxError(argv[1], argv[0].toString('latin1')));
    return { pattern: argv.length === 3 ? argv[2].toString('latin1') : null };
  },
  exec(ctx, p) {
    const names = [...hubOf(ctx.server).channels.keys()].filter((c) => p.pattern === null || stringMatch(p.pattern, c));
    ctx.reply.array(names.length);
    for (const c of names) ctx.reply.bulkString(c, 'latin1');
  },
};

/** PUBSUB NUMSUB [channel …]: each channel followed by its number of (non-pattern) subscribers. */
const numsub = simpleHandler('pubsub|numsub', (ctx, argv) => {
  const table = hubOf(ctx.server).channels;
  ctx.reply.array((argv.length - 2) * 2);
  for (let i = 2; i < argv.length; i++) {
    ctx.reply.bulk(argv[i]);
    ctx.reply.integer(table.get(argv[i].toString('latin1'))?.size ?? 0);
  }
});

/** PUBSUB NUMPAT: distinct patterns with at least one subscriber. */
const numpat = simpleHandler('pubsub|numpat', (ctx) => ctx.reply.integer(hubOf(ctx.server).patterns.size));

const PUBSUB_HELP_LINES = [
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  // Redis's help names the shard subcommands too; it is kept word for word although faha does not serve them.
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
];

const help = simpleHandler('pubsub|help', (ctx, argv) => replyHelp(ctx, argv[0], PUBSUB_HELP_LINES));

export const PUBLISH_HANDLERS: Handler<any>[] = [publish, channels, numsub, numpat, help];
