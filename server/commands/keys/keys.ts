// KEYS pattern and RANDOMKEY: the whole database matched against a glob, and one key at random. Neither touches
// access times; KEYS hides expired keys without deleting them, RANDOMKEY deletes those it draws.
import { now } from '../../clock.js';
import { stringMatch } from '../../keyspace/glob.js';
import { isExpired } from '../../keyspace/keys.js';
import { randomSlotKey } from '../../keyspace/scan.js';
import { simpleHandler, type Handler } from '../types.js';

const keys = simpleHandler('keys', (ctx, argv) => {
  const pattern = argv[1].toString('latin1');
  const all = pattern === '*';
  const t = now();
  const out: string[] = [];
  for (const [key, e] of ctx.ks.db(ctx.session.db).map) {
    if ((all || stringMatch(pattern, key)) && !isExpired(e, t)) out.push(key);
  }
  ctx.reply.array(out.length);
  for (const k of out) ctx.reply.bulkString(k, 'latin1');
});

const randomkey = simpleHandler('randomkey', (ctx) => {
  const db = ctx.session.db;
  const idx = ctx.ks.db(db);
  for (;;) {
    const key = randomSlotKey(idx);
    if (key === undefined) {
      ctx.reply.nil();
      return;
    }
    // Each expired draw deletes a key, so this ends.
    if (isExpired(idx.get(key)!)) {
      ctx.ks.expire(db, key);
      continue;
    }
    ctx.reply.bulkString(key, 'latin1');
    return;
  }
});

export const KEYS_HANDLERS: Handler<any>[] = [keys, randomkey];
