// The error replies of the hash family's keyspace statuses (keyspace/hash.ts decides, this file spells). No logic.
import { HASH_NOT_FINITE, HASH_NOT_FLOAT, HASH_NOT_INTEGER, HASH_OVERFLOW } from '../../keyspace/hash.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_HASH_NOT_FLOAT, ERR_HASH_NOT_INTEGER, ERR_INCR_NOT_FINITE, ERR_OVERFLOW, ERR_WRONGTYPE } from '../../resp/errors.js';

export type HashStatus = typeof WRONGTYPE | typeof HASH_NOT_INTEGER | typeof HASH_NOT_FLOAT | typeof HASH_OVERFLOW | typeof HASH_NOT_FINITE;

const MESSAGES = new Map<symbol, string>([
  [WRONGTYPE, ERR_WRONGTYPE],
  [HASH_NOT_INTEGER, ERR_HASH_NOT_INTEGER],
  [HASH_NOT_FLOAT, ERR_HASH_NOT_FLOAT],
  [HASH_OVERFLOW, ERR_OVERFLOW],
  [HASH_NOT_FINITE, ERR_INCR_NOT_FINITE],
]);

export function hashStatusError(s: HashStatus): string {
  return MESSAGES.get(s)!;
}
