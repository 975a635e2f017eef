// Specs of (sub)commands faha serves that Redis 7.0 does not have, written by hand from the later Redis
// version that introduced them. Each subcommand names its parent container.
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

/** WAITAOF, from Redis 7.2's src/commands/waitaof.json: issue 6 asks for it beside WAIT. */
const WAITAOF: CommandSpec = {
  name: 'waitaof',
  arity: 4,
  flags: ['blocking'],
  firstKey: 0,
  lastKey: 0,
  step: 0,
  aclCategories: ['@slow', '@connection'],
  summary: "Waits until the connection's earlier writes are persistent on this node and on a number of backups",
  since: '7.2.0',
  group: 'generic',
  tips: ['request_policy:all_shards', 'response_policy:agg_min'],
  complexity: 'O(1)',
  arguments: [
    { name: 'numlocal', type: 'integer' },
    { name: 'numreplicas', type: 'integer' },
    { name: 'timeout', type: 'integer' },
  ],
};

/** Whole commands from later Redis versions. */
export const EXTRA_COMMANDS: CommandSpec[] = [WAITAOF];
