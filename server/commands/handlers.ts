// Every command handler, by family; the command table joins them with their specs.
import { CONNECTION_HANDLERS } from './connection/index.js';
import { INTROSPECTION_HANDLERS } from './introspection/index.js';
import { KEY_HANDLERS } from './keys/index.js';
import { SERVER_HANDLERS } from './server/index.js';
import { STRING_HANDLERS } from './strings/index.js';
import { BITMAP_HANDLERS } from './bitmaps/index.js';
import { HASH_HANDLERS } from './hashes/index.js';
import { HYPERLOGLOG_HANDLERS } from './hyperloglog/index.js';
import { LIST_HANDLERS } from './lists/index.js';
import { PUBSUB_HANDLERS } from './pubsub/index.js';
import { SET_HANDLERS } from './sets/index.js';
import { SORTED_SET_HANDLERS } from './sorted-sets/index.js';
import { TRANSACTION_HANDLERS } from './transactions/index.js';
import { REPLICATION_HANDLERS } from './replication/index.js';
import type { Handler } from './types.js';

export const ALL_HANDLERS: Handler<any>[] = [
  ...CONNECTION_HANDLERS,
  ...SERVER_HANDLERS,
  ...INTROSPECTION_HANDLERS,
  ...STRING_HANDLERS,
  ...KEY_HANDLERS,
  ...HASH_HANDLERS,
  ...LIST_HANDLERS,
  ...SET_HANDLERS,
  ...SORTED_SET_HANDLERS,
  ...BITMAP_HANDLERS,
  ...HYPERLOGLOG_HANDLERS,
  ...PUBSUB_HANDLERS,
  ...TRANSACTION_HANDLERS,
  ...REPLICATION_HANDLERS,
];
