// The sets commands; this file only lists the handlers.
import type { Handler } from '../types.js';
import { sadd, smove, srem } from './add-remove.js';
import { sdiff, sdiffstore, sinter, sintercard, sinterstore, smembers, sunion, sunionstore } from './algebra.js';
import { scard, sismember, smismember } from './membership.js';
import { spop, srandmember } from './random.js';
import { sscan } from './sscan.js';

export const SET_HANDLERS: Handler<any>[] = [
  sadd,
  srem,
  smove,
  sismember,
  smismember,
  scard,
  smembers,
  spop,
  srandmember,
  sinter,
  sintercard,
  sinterstore,
  sunion,
  sunionstore,
  sdiff,
  sdiffstore,
  sscan,
];
