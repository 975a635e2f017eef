// Behaviour with a real client library: ioredis's handshake (HELLO 3 with AUTH, CLIENT SETNAME, CLIENT SETINFO),
// RESP3 replies, big pipelines, and reconnecting after CLIENT KILL.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { RawClient } from '../testing/raw-client.js';
import { startFaha, type RunningServer } from '../testing/servers.js';

describe('net: ioredis', function () {
  let faha: RunningServer;
  const clients: Redis[] = [];
  before(async () => {
    faha = await startFaha({ args: ['--requirepass', 'pw'] });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });
  after(async () => {
    await faha.stop();
  });

  function client(opts: Record<string, unknown>): Redis {
    const c = new Redis({ port: faha.port, host: '127.0.0.1', password: 'pw', lazyConnect: true, maxRetriesPerRequest: 1, ...opts });
    clients.push(c);
    return c;
  }

  it('completes a RESP3 handshake with HELLO AUTH and SETNAME, and reads RESP3 replies', async () => {
    const c = client({ protocol: 3, connectionName: 'io3' });
    await c.connect();
    expect(await c.ping()).to.equal('PONG');
    const info = (await c.client('INFO')) as string;
    expect(info).to.match(/ name=io3 /).and.match(/ resp=3\n$/).and.match(/ cmd=client\|info /);
    expect(await c.client('GETNAME')).to.equal('io3');
  });

  it('completes a RESP2 handshake with AUTH, SELECT and SETNAME', async () => {
    const c = client({ protocol: 2, db: 3, connectionName: 'io2' });
    await c.connect();
    const info = (await c.client('INFO')) as string;
    expect(info).to.match(/ name=io2 /).and.match(/ db=3 /).and.match(/ resp=2\n$/);
  });

  it('pipelines thousands of commands and gets every reply in order', async () => {
    const c = client({});
    await c.connect();
    const p = c.pipeline();
    for (let i = 0; i < 5000; i++) p.echo(`m${i}`);
    const results = (await p.exec())!;
    expect(results.length).to.equal(5000);
    results.forEach(([err, v], i) => {
      expect(err).to.equal(null);
      expect(v).to.equal(`m${i}`);
    });
  });

  it('reconnects after CLIENT KILL and sets its name again', async () => {
    const c = client({ connectionName: 'victim', retryStrategy: () => 20 });
    await c.connect();
    const id = (await c.client('ID')) as number;
    const killer = await RawClient.connect(faha.port);
    await killer.call('AUTH', 'pw');
    expect((await killer.call('CLIENT', 'KILL', 'ID', id)).toString()).to.equal(':1\r\n');
    await new Promise((r) => c.once('ready', r));
    expect(await c.client('ID')).to.not.equal(id);
    expect(await c.client('GETNAME')).to.equal('victim');
    killer.close();
  });
});
