// Handler-level checks of what the differential suite cannot reach yet: keys of another type (no collection
// family exists yet). Expected replies are redis-server 7.0.15's, recorded by hand against a list key.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '../../config/config.js';
import { Entry } from '../../engine/entry.js';
import { Store } from '../../engine/store.js';
import { Keyspace } from '../../keyspace/keyspace.js';
import { ValueType } from '../../keyspace/types.js';
import { openBackend } from '../../platform/pmem.js';
import { ReplyWriter } from '../../resp/reply.js';
import { ErrorReply, type Context, type ServerContext, type Session } from '../types.js';
import { STRING_HANDLERS } from './index.js';

const WRONGTYPE = '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n';
const NOT_INTEGER = '-ERR value is not an integer or out of range\r\n';
const SYNTAX = '-ERR syntax error\r\n';

describe('strings: handlers against a key of another type', () => {
  let dir: string;
  let store: Store;
  let ctx: Context;

  /** Runs one command as the dispatcher would (parse, then exec) and answers the raw reply. */
  function run(...args: string[]): string {
    const argv = args.map((a) => Buffer.from(a, 'latin1'));
    const h = STRING_HANDLERS.find((x) => x.name === args[0].toLowerCase())!;
    const plan = h.parse(argv);
    if (plan instanceof ErrorReply) ctx.reply.error(plan.message);
    else h.exec(ctx, plan);
    return Buffer.concat(ctx.reply.take()).toString('latin1');
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-strings-h-'));
    store = new Store({ dir, databases: 1, segmentSize: 1 << 20, backend: openBackend('auto'), fsync: 'always' });
    const ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    const session = { db: 0, resp: 2 } as Session;
    const server = { config: new Config(), ks } as unknown as ServerContext;
    ctx = { session, reply: new ReplyWriter(), ks, server, canBlock: false, block: () => {}, suspend: () => {} };
    store.dbs[0].set('l', new Entry(ValueType.List, 0, 0, 0, 0, 0, ['a']));
  });
  afterEach(() => {
    store.log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every string command but MGET, SET, SETNX and MSET fails with WRONGTYPE', () => {
    const cmds = [['GET'], ['GETSET', 'v'], ['GETDEL'], ['GETEX'], ['GETEX', 'PERSIST'], ['STRLEN'], ['APPEND', 'x'], ['SETRANGE', '0', 'x'],
      ['SETRANGE', '0', ''], ['GETRANGE', '0', '-1'], ['SUBSTR', '0', '1'], ['INCR'], ['DECR'], ['INCRBY', '2'], ['DECRBY', '2'],
      ['INCRBYFLOAT', '1.5'], ['SET', 'v', 'GET'], ['SET', 'v', 'XX', 'GET']];
    for (const [name, ...rest] of cmds) expect(run(name, 'l', ...rest), name).to.equal(WRONGTYPE);
    expect(store.dbs[0].get('l')!.type).to.equal(ValueType.List);
  });

  it('argument errors come before the type check, data errors after it', () => {
    expect(run('SETRANGE', 'l', '-1', 'x')).to.equal('-ERR offset is out of range\r\n');
    expect(run('GETRANGE', 'l', 'a', '0')).to.equal(NOT_INTEGER);
    expect(run('INCRBY', 'l', 'abc')).to.equal(NOT_INTEGER);
    expect(run('DECRBY', 'l', '-9223372036854775808')).to.equal('-ERR decrement would overflow\r\n');
    expect(run('INCRBYFLOAT', 'l', 'abc')).to.equal(WRONGTYPE);
    expect(run('GETEX', 'l', 'EX', 'abc')).to.equal(WRONGTYPE);
    expect(run('GETEX', 'l', 'NX')).to.equal(SYNTAX);
    expect(run('SET', 'l', 'v', 'GET', 'EX', 'abc')).to.equal(NOT_INTEGER);
    expect(run('SET', 'l', 'v', 'GET', 'foo')).to.equal(SYNTAX);
    expect(run('LCS', 'l', 'missing', 'LEN', 'IDX')).to.equal('-ERR The specified keys must contain string values\r\n');
    expect(run('LCS', 'missing', 'l', 'foo')).to.equal('-ERR The specified keys must contain string values\r\n');
  });

  it('MGET answers nil and MSETNX 0 for it; SET and MSET replace it by existence', () => {
    expect(run('MGET', 'l', 'l')).to.equal('*2\r\n$-1\r\n$-1\r\n');
    expect(run('MSETNX', 'x', '1', 'l', '2')).to.equal(':0\r\n');
    expect(run('SETNX', 'l', 'v')).to.equal(':0\r\n');
    expect(run('SET', 'l', 'v', 'NX')).to.equal('$-1\r\n');
    expect(run('SET', 'l', 'v', 'XX')).to.equal('+OK\r\n');
    expect(run('GET', 'l')).to.equal('$1\r\nv\r\n');
  });
});
