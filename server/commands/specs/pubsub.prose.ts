// faha's own wording for the pubsub commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

const PER_NAME = 'O(N), N being the number of channels or patterns named';

export const PUBSUB_PROSE: Record<string, CommandProse> = {
  subscribe: { summary: 'Starts listening for messages published to the given channels', complexity: 'O(N), N being the number of channels named' },
  unsubscribe: {
    summary: 'Stops listening to the given channels, or to every channel when none is named',
    complexity: 'O(N), N being the number of channels given, or the number this connection listens to when none is given',
  },
  psubscribe: {
    summary: 'Starts listening for messages published to any channel matching the given glob patterns',
    complexity: 'O(N), N being the number of patterns named',
  },
  punsubscribe: {
    summary: 'Stops listening to the given patterns, or to every pattern when none is named',
    complexity: 'O(N+M), N being the number of patterns given (or held by this connection) and M the patterns of the whole server',
  },
  publish: {
    summary: 'Sends a message to every listener of a channel and of the patterns it matches',
    complexity: 'O(N+M), N being the listeners of the channel and M the patterns subscribed server-wide',
  },
  pubsub: { summary: 'Groups the commands that inspect the pub/sub state of the server', complexity: 'Depends on the subcommand used.' },
  'pubsub|channels': {
    summary: 'Lists the channels that have at least one listener, optionally only those matching a pattern',
    complexity: 'O(N), N being the number of channels with listeners',
  },
  'pubsub|help': { summary: 'Lists the subcommands and what they do', complexity: 'O(1)' },
  'pubsub|numpat': { summary: 'Counts the distinct patterns that have at least one listener', complexity: 'O(1)' },
  'pubsub|numsub': { summary: 'Counts the listeners of each named channel, pattern listeners aside', complexity: PER_NAME },
  'pubsub|shardchannels': {
    summary: 'Lists the shard channels that have at least one listener, optionally only those matching a pattern',
    complexity: 'O(N), N being the number of shard channels with listeners',
  },
  'pubsub|shardnumsub': { summary: 'Counts the listeners of each named shard channel', complexity: PER_NAME },
};
