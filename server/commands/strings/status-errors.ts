// The error replies of the string family's keyspace statuses (keyspace/ decides, this file spells). No logic.
import { NOT_FINITE, NOT_FLOAT, NOT_INTEGER, OVERFLOW, TOO_LARGE } from '../../keyspace/strings.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_INCR_NOT_FINITE, ERR_NOT_FLOAT, ERR_NOT_INTEGER, ERR_OVERFLOW, ERR_STRING_TOO_LONG, ERR_WRONGTYPE } from '../../resp/errors.js';

export type StringStatus = typeof WRONGTYPE | typeof NOT_INTEGER | typeof OVERFLOW | typeof NOT_FLOAT | typeof NOT_FINITE | typeof TOO_LARGE;

const MESSAGES = new Map<symbol, string>([
  [WRONGTYPE, ERR_WRONGTYPE],
  [NOT_INTEGER, ERR_NOT_INTEGER],
  [OVERFLOW, ERR_OVERFLOW],
  [NOT_FLOAT, ERR_NOT_FLOAT],
  [NOT_FINITE, ERR_INCR_NOT_FINITE],
  [TOO_LARGE, ERR_STRING_TOO_LONG],
]);

export function statusError(s: StringStatus): string {
  return MESSAGES.get(s)!;
}
