// faha's own wording for the set commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

const PER_MEMBER = 'O(1) for each member given, so O(N) for N members';
const ALL_MEMBERS = 'O(N), N being the number of members of the set';

export const SET_PROSE: Record<string, CommandProse> = {
  sadd: {
    summary: 'Adds members to a set, creating it when the key is absent',
    complexity: PER_MEMBER,
    history: ['More than one member may be given.'],
  },
  srem: {
    summary: 'Removes members from a set, deleting the key when it empties',
    complexity: PER_MEMBER,
    history: ['More than one member may be given.'],
  },
  sismember: { summary: 'Tells whether a value is a member of a set', complexity: 'O(1)' },
  smismember: {
    summary: 'Tells, for each of several values, whether it is a member of a set',
    complexity: 'O(N), N being the number of values checked',
  },
  smembers: { summary: 'Returns every member of a set', complexity: ALL_MEMBERS },
  scard: { summary: 'Counts the members of a set', complexity: 'O(1)' },
  spop: {
    summary: 'Removes and returns members chosen at random from a set',
    complexity: 'O(1) without a count; O(N) with one, N being the count',
    history: ['The optional count, to pop several members at once.'],
  },
  srandmember: {
    summary: 'Returns members chosen at random from a set, leaving it unchanged',
    complexity: 'O(1) without a count; O(N) with one, N being the absolute value of the count',
    history: ['The optional count; a negative count may return the same member more than once.'],
  },
  smove: { summary: 'Moves a member from one set to another', complexity: 'O(1)' },
  sinter: {
    summary: 'Returns the members common to all the given sets',
    complexity: 'O(N*M) in the worst case, N being the size of the smallest set and M the number of sets',
  },
  sintercard: {
    summary: 'Counts the members common to all the given sets, optionally stopping at a limit',
    complexity: 'O(N*M) in the worst case, N being the size of the smallest set and M the number of sets',
  },
  sinterstore: {
    summary: 'Stores the members common to all the given sets in a destination key',
    complexity: 'O(N*M) in the worst case, N being the size of the smallest set and M the number of sets',
  },
  sunion: {
    summary: 'Returns the members found in any of the given sets',
    complexity: 'O(N), N being the total number of members of all the given sets',
  },
  sunionstore: {
    summary: 'Stores the members found in any of the given sets in a destination key',
    complexity: 'O(N), N being the total number of members of all the given sets',
  },
  sdiff: {
    summary: 'Returns the members of the first set that none of the other sets holds',
    complexity: 'O(N), N being the total number of members of all the given sets',
  },
  sdiffstore: {
    summary: 'Stores the members of the first set that none of the other sets holds in a destination key',
    complexity: 'O(N), N being the total number of members of all the given sets',
  },
  sscan: {
    summary: 'Walks the members of a set a few at a time with a cursor',
    complexity: 'O(1) per call; O(N) for a full walk back to cursor 0, N being the number of members.',
  },
};
