// What the maxmemory settings mean for key commands: whether accesses feed the LFU counter, whether OBJECT FREQ
// or IDLETIME is meaningful, and whether small integers are shared objects. Reads config; changes nothing.
import type { Config } from '../../config/config.js';
import type { AccessPolicy } from '../../keyspace/keys.js';

const LFU_ON: AccessPolicy = { lfu: true };
const LFU_OFF: AccessPolicy = { lfu: false };

export function isLfuPolicy(config: Config): boolean {
  return config.str('maxmemory-policy').endsWith('-lfu');
}

export function accessPolicy(config: Config): AccessPolicy {
  return isLfuPolicy(config) ? LFU_ON : LFU_OFF;
}

/** Redis stops sharing integer objects when maxmemory is set with an LRU or LFU policy (they need per-key data). */
export function integersShared(config: Config): boolean {
  const policy = config.str('maxmemory-policy');
  return !(config.num('maxmemory') > 0 && (policy.endsWith('-lru') || policy.endsWith('-lfu')));
}
