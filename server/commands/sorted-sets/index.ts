// The sorted-set commands (Redis's t_zset.c family), one module per concept; this file only lists the handlers.
import type { Handler } from '../types.js';
import { bzmpopHandler, bzpopmaxHandler, bzpopminHandler, zmpopHandler, zpopmaxHandler, zpopminHandler } from './pop.js';
import { zrandmemberHandler } from './random.js';
import { RANGE_HANDLERS } from './range.js';
import {
  zcardHandler, zcountHandler, zlexcountHandler, zmscoreHandler, zrankHandler, zrevrankHandler, zscoreHandler,
} from './read.js';
import { zremHandler, zremrangebylexHandler, zremrangebyrankHandler, zremrangebyscoreHandler } from './remove.js';
import { zscanHandler } from './scan.js';
import { SETOP_HANDLERS } from './setops.js';
import { zaddHandler, zincrbyHandler } from './zadd.js';

export const SORTED_SET_HANDLERS: Handler<any>[] = [
  zaddHandler,
  zincrbyHandler,
  zremHandler,
  zcardHandler,
  zcountHandler,
  zlexcountHandler,
  zscoreHandler,
  zmscoreHandler,
  zrankHandler,
  zrevrankHandler,
  ...RANGE_HANDLERS,
  zremrangebyrankHandler,
  zremrangebyscoreHandler,
  zremrangebylexHandler,
  zpopminHandler,
  zpopmaxHandler,
  zmpopHandler,
  bzpopminHandler,
  bzpopmaxHandler,
  bzmpopHandler,
  zrandmemberHandler,
  ...SETOP_HANDLERS,
  zscanHandler,
];
