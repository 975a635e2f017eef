// Every command handler, by family; the command table joins them with their specs.
import { CONNECTION_HANDLERS } from './connection/index.js';
import { INTROSPECTION_HANDLERS } from './introspection/index.js';
import { KEY_HANDLERS } from './keys/index.js';
import { SERVER_HANDLERS } from './server/index.js';
import { STRING_HANDLERS } from './strings/index.js';
import type { Handler } from './types.js';

export const ALL_HANDLERS: Handler<any>[] = [
  ...CONNECTION_HANDLERS,
  ...SERVER_HANDLERS,
  ...INTROSPECTION_HANDLERS,
  ...STRING_HANDLERS,
  ...KEY_HANDLERS,
];
