// bind as redis.conf writes it: the address list (unit), and faha listening on it (behaviour): IPv6, optional
// addresses that do not exist here, and a required one that does not, which stops start-up.
import { expect } from 'chai';
import { RawClient } from '../testing/raw-client.js';
import { startFaha } from '../testing/servers.js';
import { parseBind } from './listener.js';

describe('net: bind addresses', () => {
  it('parseBind splits the list, marks optional addresses and maps the wildcards', () => {
    expect(parseBind('127.0.0.1 -::1')).to.deep.equal([
      { host: '127.0.0.1', optional: false, ipv6: false },
      { host: '::1', optional: true, ipv6: true },
    ]);
    expect(parseBind('  *   -::*  ')).to.deep.equal([
      { host: '0.0.0.0', optional: false, ipv6: false },
      { host: '::', optional: true, ipv6: true },
    ]);
  });

  it('listens on IPv4 and IPv6 loopback at once', async () => {
    const faha = await startFaha({ args: ['--bind', '127.0.0.1', '::1'] });
    try {
      const v4 = await RawClient.connect(faha.port, '127.0.0.1');
      const v6 = await RawClient.connect(faha.port, '::1');
      expect((await v4.call('PING')).toString()).to.equal('+PONG\r\n');
      const info = (await v6.decoded('CLIENT', 'INFO')) as string;
      expect(info).to.match(new RegExp(` addr=\\[::1\\]:${v6.socket.localPort} laddr=\\[::1\\]:${faha.port} `));
      v4.close();
      v6.close();
    } finally {
      await faha.stop();
    }
  });

  it('skips an optional address that does not exist on this host', async () => {
    const faha = await startFaha({ args: ['--bind', '127.0.0.1', '-10.255.255.254'] });
    try {
      const c = await RawClient.connect(faha.port);
      expect((await c.call('PING')).toString()).to.equal('+PONG\r\n');
      c.close();
    } finally {
      await faha.stop();
    }
  });

  it('refuses to start when a required address does not exist on this host', async () => {
    let err: Error | null = null;
    try {
      const faha = await startFaha({ args: ['--bind', '10.255.255.254'], timeoutMs: 5000 });
      await faha.stop();
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message ?? '').to.match(/Could not create server TCP listening socket 10\.255\.255\.254/).and.match(/Failed listening on port \d+ \(TCP\), aborting/);
  });
});
