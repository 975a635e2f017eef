// KEYS pattern and RANDOMKEY: the whole database matched against a glob, and one key at random. Neither touches
// access times; KEYS hides expired keys without deleting them, RANDOMKEY deletes those it draws.
import { now } from '../../clock.js';
import { stringMatch } from '../../keyspace/glob.js';
import { simpleHandler, type Handler } from '../types.js';

const keys = simpleHandler('keys', (ctx, argv) => {
  const pattern = argv[1].toString('latin1');
  const all = pattern === '*';
  const t = now();
  const out: string[] = [];
  ctx.ks.db(ctx.session.db).forEach((key, expireAt) => {
    if ((all || stringMatch(pattern, key)) && !(expireAt !== 0 && expireAt <= t)) out.push(key);
  });
  ctx.reply.array(out.length);
  for (const k of out) ctx.reply.bulkString(k, 'latin1');
});

/** Redis's dbRandomKey gives up looking for a live key after 100 expired draws on a replica. */
const RANDOMKEY_TRIES = 100;

const randomkey = simpleHandler('randomkey', (ctx) => {
  const db = ctx.session.db;
  const idx = ctx.ks.db(db);
  for (let tries = 1; ; tries++) {
    const key = idx.randomKey();
    if (key === undefined) {
      ctx.reply.nil();
      return;
    }
    // Each expired draw deletes a key, so this ends; on a backup nothing is deleted, so after RANDOMKEY_TRIES
    // draws an expired key is answered, as Redis's replicas do.
    const at = idx.expireAtOf(key);
    if (at !== 0 && at <= now() && !(ctx.ks.replica && tries >= RANDOMKEY_TRIES)) {
      ctx.ks.expire(db, key);
      continue;
    }
    ctx.reply.bulkString(key, 'latin1');
    return;
  }
});

export const KEYS_HANDLERS: Handler<any>[] = [keys, randomkey];
