// String commands (Redis's t_string.c family), one module per concept; this file only lists the handlers.
import type { Handler } from '../types.js';
import { getdelHandler, getexHandler, getHandler, mgetHandler, strlenHandler } from './get.js';
import { incrbyfloatHandler, incrHandlers } from './incr.js';
import { lcsHandler } from './lcs.js';
import { msetHandler, msetnxHandler } from './mset.js';
import { appendHandler, getrangeHandler, setrangeHandler, substrHandler } from './range.js';
import { getsetHandler, psetexHandler, setexHandler, setHandler, setnxHandler } from './set.js';

export const STRING_HANDLERS: Handler<any>[] = [
  getHandler,
  setHandler,
  setnxHandler,
  setexHandler,
  psetexHandler,
  getsetHandler,
  getexHandler,
  getdelHandler,
  mgetHandler,
  msetHandler,
  msetnxHandler,
  appendHandler,
  strlenHandler,
  ...incrHandlers,
  incrbyfloatHandler,
  getrangeHandler,
  substrHandler,
  setrangeHandler,
  lcsHandler,
];
