// What the maxmemory settings mean for key commands: whether OBJECT FREQ or IDLETIME is meaningful, and whether small integers are shared objects. Reads config; changes nothing.
import type { Config } from '../../config/config.js';

export function isLfuPolicy(config: Config): boolean {
  return config.str('maxmemory-policy').endsWith('-lfu');
}

/** Redis stops sharing integer objects when maxmemory is set with an LRU or LFU policy (they need per-key data). */
export function integersShared(config: Config): boolean {
  const policy = config.str('maxmemory-policy');
  return !(config.num('maxmemory') > 0 && (policy.endsWith('-lru') || policy.endsWith('-lfu')));
}
