// The list commands (Redis's t_list.c family), one module per concept; this file only lists the handlers.
import type { Handler } from '../types.js';
import { blmoveHandler, blmpopHandler, blpopHandler, brpopHandler, brpoplpushHandler } from './blocking.js';
import { lremHandler, lsetHandler, ltrimHandler } from './edit.js';
import { lmoveHandler, rpoplpushHandler } from './move.js';
import { lmpopHandler, lpopHandler, rpopHandler } from './pop.js';
import { linsertHandler, lpushHandler, lpushxHandler, rpushHandler, rpushxHandler } from './push.js';
import { lindexHandler, llenHandler, lposHandler, lrangeHandler } from './read.js';

export const LIST_HANDLERS: Handler<any>[] = [
  lpushHandler,
  rpushHandler,
  lpushxHandler,
  rpushxHandler,
  linsertHandler,
  lpopHandler,
  rpopHandler,
  lmpopHandler,
  llenHandler,
  lindexHandler,
  lrangeHandler,
  lposHandler,
  lsetHandler,
  lremHandler,
  ltrimHandler,
  lmoveHandler,
  rpoplpushHandler,
  blpopHandler,
  brpopHandler,
  blmpopHandler,
  blmoveHandler,
  brpoplpushHandler,
];
