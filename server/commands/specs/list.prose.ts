// faha's own wording for the list commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

const ONE = 'O(1)';
const TIMEOUT_DOUBLE = 'The timeout is read as a number of seconds with a fraction instead of whole seconds only.';

export const LIST_PROSE: Record<string, CommandProse> = {
  blmove: {
    summary: 'Moves an element from one end of a list to an end of another, waiting for the source to have one',
    complexity: ONE,
  },
  blmpop: {
    summary: 'Pops elements from one end of the first non-empty list among several keys, waiting until one has some',
    complexity: 'O(N+M), N being the number of keys given and M the number of elements popped',
  },
  blpop: {
    summary: 'Pops the first element of the first non-empty list among several keys, waiting until one has some',
    complexity: 'O(N), N being the number of keys given',
    history: [TIMEOUT_DOUBLE],
  },
  brpop: {
    summary: 'Pops the last element of the first non-empty list among several keys, waiting until one has some',
    complexity: 'O(N), N being the number of keys given',
    history: [TIMEOUT_DOUBLE],
  },
  brpoplpush: {
    summary: 'Moves the last element of a list to the head of another, waiting for the source to have one',
    complexity: ONE,
    history: [TIMEOUT_DOUBLE],
  },
  lindex: {
    summary: 'Returns the element at a position of a list',
    complexity: 'O(1) for this server\'s lists, which index their elements directly',
  },
  linsert: {
    summary: 'Inserts an element just before or just after the first occurrence of a pivot element',
    complexity: 'O(N), N being the number of elements up to the pivot (the elements after the insertion point move too)',
  },
  llen: { summary: 'Returns how many elements a list holds', complexity: ONE },
  lmove: { summary: 'Moves an element from one end of a list to an end of another', complexity: ONE },
  lmpop: {
    summary: 'Pops elements from one end of the first non-empty list among several keys',
    complexity: 'O(N+M), N being the number of keys given and M the number of elements popped',
  },
  lpop: {
    summary: 'Removes and returns the first elements of a list',
    complexity: 'O(N), N being the number of elements popped',
    history: ['The optional count, which makes the reply an array of up to that many elements.'],
  },
  lpos: {
    summary: 'Returns the positions of the elements of a list equal to a given one',
    complexity: 'O(N), N being the number of elements examined (all of them unless MAXLEN limits the scan)',
  },
  lpush: {
    summary: 'Adds elements at the head of a list, creating it if needed',
    complexity: 'O(1) for each element added',
    history: ['Several elements may be pushed in one call.'],
  },
  lpushx: {
    summary: 'Adds elements at the head of a list only if the list already exists',
    complexity: 'O(1) for each element added',
    history: ['Several elements may be pushed in one call.'],
  },
  lrange: {
    summary: 'Returns the elements of a list between two positions',
    complexity: 'O(N), N being the number of elements returned',
  },
  lrem: {
    summary: 'Removes occurrences of an element from a list, from the head, from the tail or everywhere',
    complexity: 'O(N), N being the length of the list',
  },
  lset: {
    summary: 'Replaces the element at a position of a list',
    complexity: 'O(1) for this server\'s lists, which index their elements directly',
  },
  ltrim: {
    summary: 'Keeps only the elements of a list between two positions',
    complexity: 'O(N), N being the number of elements removed',
  },
  rpop: {
    summary: 'Removes and returns the last elements of a list',
    complexity: 'O(N), N being the number of elements popped',
    history: ['The optional count, which makes the reply an array of up to that many elements.'],
  },
  rpoplpush: { summary: 'Moves the last element of a list to the head of another', complexity: ONE },
  rpush: {
    summary: 'Adds elements at the tail of a list, creating it if needed',
    complexity: 'O(1) for each element added',
    history: ['Several elements may be pushed in one call.'],
  },
  rpushx: {
    summary: 'Adds elements at the tail of a list only if the list already exists',
    complexity: 'O(1) for each element added',
    history: ['Several elements may be pushed in one call.'],
  },
};
