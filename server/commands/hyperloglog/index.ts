// The hyperloglog commands; this file only lists the handlers.
import type { Handler } from '../types.js';
import { pfaddHandler, pfcountHandler, pfmergeHandler } from './pf.js';

export const HYPERLOGLOG_HANDLERS: Handler<any>[] = [pfaddHandler, pfcountHandler, pfmergeHandler];
