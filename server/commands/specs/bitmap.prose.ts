// faha's own wording for the bitmap commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

export const BITMAP_PROSE: Record<string, CommandProse> = {
  getbit: { summary: 'Reads the bit at an offset of a string; offsets past the end read as 0', complexity: 'O(1)' },
  setbit: {
    summary: 'Sets or clears the bit at an offset of a string, growing it with zero bytes when needed, and returns the old bit',
    complexity: 'O(1)',
  },
  bitcount: {
    summary: 'Counts the bits set to 1 in a string, or in a range of it',
    complexity: 'O(N), N being the number of bytes counted',
    history: ['The range may be given in bits with `BIT` (or in bytes with `BYTE`, the default).'],
  },
  bitpos: {
    summary: 'Finds the first bit set to 1 or cleared to 0 in a string, or in a range of it',
    complexity: 'O(N), N being the number of bytes searched',
    history: ['The range may be given in bits with `BIT` (or in bytes with `BYTE`, the default).'],
  },
  bitop: {
    summary: 'Combines strings bit by bit with AND, OR, XOR or NOT and stores the result at a key',
    complexity: 'O(N), N being the length of the longest source string',
  },
  bitfield: {
    summary: 'Reads, writes and increments integers of any width from 1 to 64 bits at any bit offset of a string',
    complexity: 'O(1) for each operation given',
    notes: { 0: 'Only the GET operation leaves the value as it is; SET and INCRBY change it in place' },
  },
  bitfield_ro: {
    summary: 'Reads integers of any width at any bit offset of a string, without the power to change it',
    complexity: 'O(1) for each GET given',
  },
};
