// COMMAND and its subcommands: the command table describing itself.
import type { Handler } from '../types.js';

export const INTROSPECTION_HANDLERS: Handler<any>[] = [];
