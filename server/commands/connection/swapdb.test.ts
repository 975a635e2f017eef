// Behaviour: SWAPDB is logged as its effect, so a restarted server finds each key in the database it was swapped to.
import { expect } from 'chai';
import { RawClient } from '../../testing/raw-client.js';
import { startFaha } from '../../testing/servers.js';

describe('SWAPDB across a restart', () => {
  it('a swapped database is recovered swapped', async () => {
    const first = await startFaha();
    const c = await RawClient.connect(first.port);
    await c.call('SET', 'k', 'was-in-zero');
    expect((await c.call('SWAPDB', '0', '1')).toString()).to.equal('+OK\r\n');
    expect((await c.call('SWAPDB', '2', '2')).toString()).to.equal('+OK\r\n');
    c.close();
    await first.stop(false);
    const second = await startFaha({ dir: first.dir });
    try {
      const d = await RawClient.connect(second.port);
      expect((await d.call('GET', 'k')).toString()).to.equal('$-1\r\n');
      await d.call('SELECT', '1');
      expect((await d.call('GET', 'k')).toString()).to.equal('$11\r\nwas-in-zero\r\n');
      d.close();
    } finally {
      await second.stop(true);
    }
  });
});
