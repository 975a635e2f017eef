// faha's own wording for the sorted-set commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

const CONSTANT = 'O(1)';
const LOG_N = 'O(log(N)), N being the number of members in the sorted set';
const RANGE_READ = 'O(log(N)+M), N being the number of members in the sorted set and M the number of members returned';
const RANGE_REMOVE = 'O(log(N)+M), N being the number of members in the sorted set and M the number of members removed';
const POP = 'O(log(N)*M), N being the number of members in the sorted set and M the number of members popped';
const MPOP = 'O(K) + O(M*log(N)), K being the number of keys given, N the size of the set popped from and M the number of members popped';
const TIMEOUT_AS_DOUBLE = 'The timeout is read as a number of seconds with a fractional part, not only as an integer.';
const MULTIPLE_MEMBERS = 'More than one member may be given.';
const UNION = 'O(N)+O(M*log(M)), N being the sum of the sizes of the inputs and M the size of the result';
const INTER = 'O(N*K)+O(M*log(M)) in the worst case, N being the size of the smallest input, K the number of inputs and M the size of the result';
const DIFF = 'O(L + (N-K)log(N)) in the worst case, L being the total number of members of all inputs, N the size of the first input and K the size of the result';

export const SORTED_SET_PROSE: Record<string, CommandProse> = {
  bzmpop: { summary: 'Pops members with the lowest or highest scores from the first non-empty sorted set, waiting for one if all are empty', complexity: MPOP },
  bzpopmax: {
    summary: 'Pops the member with the highest score from the first non-empty sorted set, waiting for one if all are empty',
    complexity: LOG_N,
    history: [TIMEOUT_AS_DOUBLE],
  },
  bzpopmin: {
    summary: 'Pops the member with the lowest score from the first non-empty sorted set, waiting for one if all are empty',
    complexity: LOG_N,
    history: [TIMEOUT_AS_DOUBLE],
  },
  zadd: {
    summary: 'Adds members to a sorted set or changes their scores, creating the key if needed',
    complexity: 'O(log(N)) for each member given, N being the number of members in the sorted set',
    history: [MULTIPLE_MEMBERS, 'The `XX`, `NX`, `CH` and `INCR` options.', 'The `GT` and `LT` options.'],
  },
  zcard: { summary: 'Counts the members of a sorted set', complexity: CONSTANT },
  zcount: { summary: 'Counts the members of a sorted set whose scores fall within a range', complexity: LOG_N },
  zdiff: { summary: 'Returns the members of the first sorted set that are in none of the others', complexity: DIFF },
  zdiffstore: { summary: 'Stores at a key the members of the first sorted set that are in none of the others', complexity: DIFF },
  zincrby: { summary: 'Adds a number to the score of a member of a sorted set', complexity: LOG_N },
  zinter: { summary: 'Returns the members common to several sorted sets, with combined scores', complexity: INTER },
  zintercard: {
    summary: 'Counts the members common to several sorted sets, optionally stopping at a limit',
    complexity: 'O(N*K) in the worst case, N being the size of the smallest input and K the number of inputs',
  },
  zinterstore: { summary: 'Stores at a key the members common to several sorted sets, with combined scores', complexity: INTER },
  zlexcount: { summary: 'Counts the members of a sorted set that fall within a lexicographic range', complexity: LOG_N },
  zmpop: { summary: 'Pops members with the lowest or highest scores from the first non-empty sorted set', complexity: MPOP },
  zmscore: { summary: 'Returns the scores of several members of a sorted set', complexity: 'O(N), N being the number of members asked for' },
  zpopmax: { summary: 'Removes and returns the members with the highest scores', complexity: POP },
  zpopmin: { summary: 'Removes and returns the members with the lowest scores', complexity: POP },
  zrandmember: {
    summary: 'Returns members of a sorted set picked at random, optionally with their scores',
    complexity: 'O(N), N being the number of members returned',
  },
  zrange: {
    summary: 'Returns the members of a sorted set within a range of ranks, scores or lexicographic values',
    complexity: RANGE_READ,
    history: ['The `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options.'],
  },
  zrangebylex: { summary: 'Returns the members of a sorted set within a lexicographic range (superseded by ZRANGE BYLEX)', complexity: RANGE_READ },
  zrangebyscore: {
    summary: 'Returns the members of a sorted set within a range of scores (superseded by ZRANGE BYSCORE)',
    complexity: RANGE_READ,
    history: ['The `WITHSCORES` option.'],
  },
  zrangestore: {
    summary: 'Stores at a key the members of a sorted set within a range of ranks, scores or lexicographic values',
    complexity: 'O(log(N)+M), N being the number of members in the sorted set and M the number of members stored',
  },
  zrank: { summary: 'Returns the position of a member in a sorted set, counted from the lowest score', complexity: LOG_N },
  zrem: {
    summary: 'Removes members from a sorted set, deleting the key when none are left',
    complexity: 'O(M*log(N)), N being the number of members in the sorted set and M the number of members named',
    history: [MULTIPLE_MEMBERS],
  },
  zremrangebylex: { summary: 'Removes the members of a sorted set within a lexicographic range', complexity: RANGE_REMOVE },
  zremrangebyrank: { summary: 'Removes the members of a sorted set within a range of ranks', complexity: RANGE_REMOVE },
  zremrangebyscore: { summary: 'Removes the members of a sorted set within a range of scores', complexity: RANGE_REMOVE },
  zrevrange: {
    summary: 'Returns the members of a sorted set within a range of ranks, highest score first (superseded by ZRANGE REV)',
    complexity: RANGE_READ,
  },
  zrevrangebylex: {
    summary: 'Returns the members of a sorted set within a lexicographic range, in reverse order (superseded by ZRANGE REV BYLEX)',
    complexity: RANGE_READ,
  },
  zrevrangebyscore: {
    summary: 'Returns the members of a sorted set within a range of scores, highest first (superseded by ZRANGE REV BYSCORE)',
    complexity: RANGE_READ,
    history: ['Either bound may be made exclusive with a `(` prefix.'],
  },
  zrevrank: { summary: 'Returns the position of a member in a sorted set, counted from the highest score', complexity: LOG_N },
  zscan: {
    summary: 'Walks the members and scores of a sorted set a few at a time with a cursor',
    complexity: 'O(1) per call; O(N) for a full walk back to cursor 0, N being the number of members.',
  },
  zscore: { summary: 'Returns the score of a member of a sorted set', complexity: CONSTANT },
  zunion: { summary: 'Returns the members of several sorted sets together, with combined scores', complexity: UNION },
  zunionstore: { summary: 'Stores at a key the members of several sorted sets together, with combined scores', complexity: UNION },
};
