// faha's own wording for the transactions commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

export const TRANSACTIONS_PROSE: Record<string, CommandProse> = {
  multi: { summary: 'Opens a transaction: the commands that follow are queued until EXEC or DISCARD', complexity: 'O(1)' },
  exec: {
    summary: 'Runs every queued command of the transaction as one unit, or none if a watched key changed',
    complexity: 'The sum of the costs of the queued commands.',
  },
  discard: { summary: 'Drops the queued commands of the transaction and every watched key', complexity: 'O(N), N being the number of queued commands.' },
  watch: {
    summary: 'Makes the next EXEC fail if any of these keys changes before it',
    complexity: 'O(1) per key.',
  },
  unwatch: { summary: 'Stops watching every key watched by this connection', complexity: 'O(1)' },
};
