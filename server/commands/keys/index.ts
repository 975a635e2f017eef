// Generic key commands (Redis's db.c / expire.c / object.c family), one module per concept.
import type { Handler } from '../types.js';
import { COPY_MOVE_HANDLERS } from './copy-move.js';
import { DELETE_HANDLERS } from './delete.js';
import { EXISTS_HANDLERS } from './exists.js';
import { EXPIRE_HANDLERS } from './expire.js';
import { KEYS_HANDLERS } from './keys.js';
import { OBJECT_HANDLERS } from './object.js';
import { RENAME_HANDLERS } from './rename.js';
import { scan } from './scan.js';
import { TTL_HANDLERS } from './ttl.js';
import { DUMP_RESTORE_HANDLERS } from './dump-restore.js';
import { SORT_HANDLERS } from './sort.js';

export const KEY_HANDLERS: Handler<any>[] = [
  ...DELETE_HANDLERS,
  ...EXISTS_HANDLERS,
  ...EXPIRE_HANDLERS,
  ...TTL_HANDLERS,
  ...KEYS_HANDLERS,
  scan,
  ...RENAME_HANDLERS,
  ...COPY_MOVE_HANDLERS,
  ...OBJECT_HANDLERS,
  ...DUMP_RESTORE_HANDLERS,
  ...SORT_HANDLERS,
];
