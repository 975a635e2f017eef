// faha's own wording for the hyperloglog commands' spec prose (see ./prose.ts for the fields and the rules).
import type { CommandProse } from './prose.js';

export const HYPERLOGLOG_PROSE: Record<string, CommandProse> = {
  pfadd: {
    summary: 'Adds elements to the HyperLogLog at a key, creating it if needed',
    complexity: 'O(1) for each element added',
  },
  pfcount: {
    summary: 'Estimates how many distinct elements were added to one HyperLogLog, or to the union of several',
    complexity:
      'O(1) for a single key whose estimate is cached, otherwise a pass over its registers; O(N) for N keys, merged in a temporary structure.',
    notes: { 0: 'Read-only for the caller, yet a single key may have its cached estimate rewritten inside the value' },
  },
  pfmerge: {
    summary: 'Stores at a key the union of several HyperLogLogs, that key itself included',
    complexity: 'O(N), N being the number of HyperLogLogs merged; each adds a pass over its registers',
  },
};
