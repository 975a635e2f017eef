// INFO keyspace: one line per non-empty database. avg_ttl is an estimate in Redis (sampled by active expiry);
// here it is the mean remaining TTL of a bounded sample of the keys that carry one.
import { now } from '../../../clock.js';
import type { Keyspace } from '../../../keyspace/keyspace.js';
import type { Fields } from './format.js';

/** Keys looked at per database to estimate avg_ttl. */
const TTL_SAMPLE = 100;

function averageTtl(ks: Keyspace, db: number): number {
  const idx = ks.db(db);
  const t = now();
  let sum = 0;
  let n = 0;
  for (const key of idx.volatile) {
    const at = idx.expireAtOf(key);
    if (at > t) {
      sum += at - t;
      n++;
    }
    if (n >= TTL_SAMPLE) break;
  }
  return n === 0 ? 0 : Math.floor(sum / n);
}

export function keyspaceSection(ks: Keyspace): Fields {
  const out: Fields = [];
  for (let db = 0; db < ks.databases; db++) {
    const idx = ks.db(db);
    const keys = idx.size;
    const expires = idx.volatile.size;
    if (keys === 0 && expires === 0) continue;
    out.push([`db${db}`, `keys=${keys},expires=${expires},avg_ttl=${averageTtl(ks, db)}`]);
  }
  return out;
}
