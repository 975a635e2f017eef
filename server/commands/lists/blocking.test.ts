// Handler-level checks of how a blocked list command behaves when run again for a key signalled ready
// (Context.readyKey, which the blocking framework is to pass; see source.ts): Redis 7.0 serves from that key
// only, and leaves the client blocked when it holds another type. The differential suite covers first runs.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../engine/store.js';
import { Keyspace } from '../../keyspace/keyspace.js';
import { openBackend } from '../../platform/pmem.js';
import { ReplyWriter } from '../../resp/reply.js';
import { ErrorReply, type Context, type ServerContext, type Session } from '../types.js';
import { STRING_HANDLERS } from '../strings/index.js';
import { LIST_HANDLERS } from './index.js';

describe('lists: blocked commands run again for a ready key', () => {
  let dir: string;
  let store: Store;
  let ctx: Context & { readyKey?: string };
  let blocked: string[] | null;

  function run(...args: string[]): string {
    const argv = args.map((a) => Buffer.from(a, 'latin1'));
    const h = [...LIST_HANDLERS, ...STRING_HANDLERS].find((x) => x.name === args[0].toLowerCase())!;
    const plan = h.parse(argv);
    if (plan instanceof ErrorReply) ctx.reply.error(plan.message);
    else h.exec(ctx, plan);
    return Buffer.concat(ctx.reply.take()).toString('latin1');
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-lists-h-'));
    store = new Store({ dir, databases: 1, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'no' });
    const ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    const session = { db: 0, resp: 2 } as Session;
    blocked = null;
    ctx = { session, reply: new ReplyWriter(), ks, server: {} as ServerContext, canBlock: true, block: (keys) => (blocked = keys), suspend: () => {} };
  });
  afterEach(() => {
    store.log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a first run blocks on all its keys and a retry serves from the ready key even when an earlier key has elements', () => {
    expect(run('BLPOP', 'k1', 'k2', '0')).to.equal('');
    expect(blocked).to.deep.equal(['k1', 'k2']);
    run('RPUSH', 'k2', 'x');
    run('RPUSH', 'k1', 'y');
    ctx.readyKey = 'k2';
    expect(run('BLPOP', 'k1', 'k2', '0')).to.equal('*2\r\n$2\r\nk2\r\n$1\r\nx\r\n');
    expect(run('BLMPOP', '0', '2', 'k1', 'k2', 'LEFT')).to.equal('');
    ctx.readyKey = 'k1';
    expect(run('BLMPOP', '0', '2', 'k1', 'k2', 'LEFT')).to.equal('*2\r\n$2\r\nk1\r\n*1\r\n$1\r\ny\r\n');
  });

  it('a retry for a key that now holds another type blocks again instead of answering WRONGTYPE', () => {
    run('SET', 'k', 'v');
    ctx.readyKey = 'k';
    blocked = null;
    expect(run('BRPOP', 'k', '0')).to.equal('');
    expect(blocked).to.deep.equal(['k']);
    blocked = null;
    expect(run('BLMOVE', 'k', 'd', 'LEFT', 'LEFT', '0')).to.equal('');
    expect(blocked).to.deep.equal(['k']);
    delete ctx.readyKey;
    expect(run('BLMOVE', 'k', 'd', 'LEFT', 'LEFT', '0')).to.match(/^-WRONGTYPE/);
  });
});
