// Specs of (sub)commands faha serves that Redis 7.0 does not have, written by hand from the later Redis
// version that introduced them. Each names its parent container.
import type { CommandSpec } from '../types.js';

/** CLIENT SETINFO, from Redis 7.2: client libraries (ioredis, redis-py…) send it on connect. */
const CLIENT_SETINFO: CommandSpec = {
  name: 'client|setinfo',
  arity: 4,
  flags: ['noscript', 'loading', 'stale'],
  firstKey: 0,
  lastKey: 0,
  step: 0,
  aclCategories: ['@slow', '@connection'],
  summary: 'Records the name or version of the client library behind the connection.',
  since: '7.2.0',
  group: 'connection',
  complexity: 'O(1)',
  arguments: [
    {
      name: 'attr',
      type: 'oneof',
      arguments: [
        { name: 'libname', type: 'string', token: 'LIB-NAME' },
        { name: 'libver', type: 'string', token: 'LIB-VER' },
      ],
    },
  ],
};

export const EXTRA_SUBCOMMANDS: { parent: string; spec: CommandSpec }[] = [{ parent: 'client', spec: CLIENT_SETINFO }];
