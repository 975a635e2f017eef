// Hash commands (Redis's t_hash.c family), one module per concept; this file only lists the handlers.
import type { Handler } from '../types.js';
import { hexistsHandler, hgetallHandler, hgetHandler, hkeysHandler, hlenHandler, hmgetHandler, hstrlenHandler, hvalsHandler } from './get.js';
import { hincrbyfloatHandler, hincrbyHandler } from './incr.js';
import { hrandfieldHandler } from './random.js';
import { hscanHandler } from './scan.js';
import { hdelHandler, hmsetHandler, hsetHandler, hsetnxHandler } from './set.js';

export const HASH_HANDLERS: Handler<any>[] = [
  hsetHandler,
  hsetnxHandler,
  hmsetHandler,
  hgetHandler,
  hmgetHandler,
  hgetallHandler,
  hdelHandler,
  hexistsHandler,
  hlenHandler,
  hstrlenHandler,
  hkeysHandler,
  hvalsHandler,
  hincrbyHandler,
  hincrbyfloatHandler,
  hrandfieldHandler,
  hscanHandler,
];
