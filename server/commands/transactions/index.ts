// Transactions (Redis's multi.c family); this file only lists the handlers.
import type { Handler } from '../types.js';
import { discardHandler, execHandler, multiHandler, unwatchHandler, watchHandler } from './multi.js';

export const TRANSACTION_HANDLERS: Handler<any>[] = [multiHandler, execHandler, discardHandler, watchHandler, unwatchHandler];
