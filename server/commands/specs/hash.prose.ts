// faha's own wording for the hash commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

const CONSTANT = 'O(1)';
const WHOLE_HASH = 'O(N), N being the number of fields in the hash';

export const HASH_PROSE: Record<string, CommandProse> = {
  hdel: {
    summary: 'Removes fields from a hash, deleting the key when none are left',
    complexity: 'O(N), N being the number of fields named',
    history: ['More than one field may be named.'],
  },
  hexists: { summary: 'Tells whether a field exists in a hash', complexity: CONSTANT },
  hget: { summary: 'Returns the value of one field of a hash', complexity: CONSTANT },
  hgetall: { summary: 'Returns every field of a hash with its value', complexity: WHOLE_HASH },
  hincrby: { summary: 'Adds an integer to the integer stored in a field of a hash', complexity: CONSTANT },
  hincrbyfloat: { summary: 'Adds a floating-point number to the number stored in a field of a hash', complexity: CONSTANT },
  hkeys: { summary: 'Returns the names of every field of a hash', complexity: WHOLE_HASH },
  hlen: { summary: 'Counts the fields of a hash', complexity: CONSTANT },
  hmget: { summary: 'Returns the values of several fields of a hash', complexity: 'O(N), N being the number of fields named' },
  hmset: {
    summary: 'Stores values in several fields of a hash (older form of HSET)',
    complexity: 'O(N), N being the number of fields written',
  },
  hrandfield: {
    summary: 'Returns fields of a hash picked at random, optionally with their values',
    complexity: 'O(N), N being the number of fields returned',
  },
  hscan: {
    summary: 'Walks the fields and values of a hash a few at a time with a cursor',
    complexity: 'O(1) per call; O(N) for a full walk back to cursor 0, N being the number of fields.',
  },
  hset: {
    summary: 'Stores values in fields of a hash, creating the hash if needed',
    complexity: 'O(1) per field written, so O(N) for N field/value pairs',
    history: ['Several field/value pairs may be given at once.'],
  },
  hsetnx: { summary: 'Stores a value in a field of a hash only when the field is absent', complexity: CONSTANT },
  hstrlen: { summary: 'Returns the length in bytes of the value of a field of a hash', complexity: CONSTANT },
  hvals: { summary: 'Returns the values of every field of a hash', complexity: WHOLE_HASH },
};
