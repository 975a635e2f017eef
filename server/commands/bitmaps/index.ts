// The bitmaps commands; this file only lists the handlers.
import type { Handler } from '../types.js';
import { bitcountHandler, bitposHandler } from './bitcount.js';
import { bitfieldHandlers } from './bitfield.js';
import { bitopHandler } from './bitop.js';
import { getbitHandler, setbitHandler } from './getbit.js';

export const BITMAP_HANDLERS: Handler<any>[] = [getbitHandler, setbitHandler, bitcountHandler, bitposHandler, bitopHandler, ...bitfieldHandlers];
