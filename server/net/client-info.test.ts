// The CLIENT LIST line: Redis 7.0.15's fields in order, flags, and second-granular age and idle.
import { expect } from 'chai';
import { formatClientInfo, type ClientInfoSource } from './client-info.js';

const BASE: ClientInfoSource = {
  id: 7, addr: '127.0.0.1:5000', laddr: '127.0.0.1:6379', fd: 9, name: '', createdAt: 10_900, lastInteraction: 11_999,
  db: 0, resp: 2, lastCommand: 'NULL', isMonitor: false, noEvict: false, blocked: false, closing: false,
  queryBufferBytes: 26, argvBytes: 10, replyBufferBytes: 7, replyPeak: 100, pendingOutputChunks: 0,
  pendingOutputBytes: 0, reading: true, writing: false, subscriptions: { channels: new Set(), patterns: new Set() },
  multi: null, dirtyCas: false,
};

const FIELDS =
  'id addr laddr fd name age idle flags db sub psub ssub multi qbuf qbuf-free argv-mem multi-mem rbs rbp obl oll omem tot-mem events cmd user redir resp';

describe('formatClientInfo', () => {
  it('prints Redis 7.0.15 fields in its order', () => {
    const line = formatClientInfo(BASE, 12_000);
    expect(line.split(' ').map((kv) => kv.slice(0, kv.indexOf('='))).join(' ')).to.equal(FIELDS);
    expect(line).to.include(' flags=N ').and.include(' qbuf=26 ').and.include(' argv-mem=10 ').and.include(' obl=7 ');
    expect(line).to.include(' events=r cmd=NULL user=default redir=-1 resp=2');
  });

  it('counts channel and pattern subscriptions', () => {
    const line = formatClientInfo({ ...BASE, subscriptions: { channels: new Set(['a', 'b']), patterns: new Set(['p*']) } }, 12_000);
    expect(line).to.include(' sub=2 psub=1 ssub=0 ');
  });

  it('shows an open transaction with its queue length, and a touched WATCH', () => {
    const line = formatClientInfo({ ...BASE, multi: { queue: [1, 2] }, dirtyCas: true, subscriptions: { channels: new Set(['c']), patterns: new Set() } }, 12_000);
    expect(line).to.include(' flags=Pxd ').and.include(' multi=2 ');
  });

  it('counts age and idle in whole seconds of the clock, as Redis does', () => {
    const line = formatClientInfo(BASE, 12_000);
    expect(line).to.include(' age=2 idle=1 ');
  });

  it('shows monitor, blocked, closing and no-evict flags in Redis order, N only without any', () => {
    const line = formatClientInfo({ ...BASE, isMonitor: true, blocked: true, closing: true, noEvict: true }, 12_000);
    expect(line).to.include(' flags=Obce ');
  });

  it('shows events r and w for a reading connection with output queued', () => {
    expect(formatClientInfo({ ...BASE, writing: true }, 12_000)).to.include(' events=rw ');
    expect(formatClientInfo({ ...BASE, reading: false, writing: true }, 12_000)).to.include(' events=w ');
  });
});
