// Tests of the soak's SET load generator and INFO sampler against a real faha.
import { expect } from 'chai';
import { startFaha, type RunningServer } from '../../server/testing/servers.js';
import { InfoClient } from './info.js';
import { SetLoad } from './load.js';

describe('soak SET load', function () {
  this.timeout(30000);
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha({ args: ['--appendfsync', 'always'] });
  });
  after(async () => {
    await faha.stop(true);
  });

  it('sends exactly the requested SETs over the key space and records a latency for every reply', async () => {
    const load = new SetLoad({ port: faha.port, writes: 5003, keys: 50, valueSize: 100, pipeline: 16, clients: 7 });
    await load.run();
    expect(load.completed).to.equal(5003);
    expect(load.errors).to.equal(0);
    expect(load.rotate().count).to.equal(5003);
    const info = new InfoClient(faha.port);
    try {
      const s = await info.sample();
      // 50 keys of a 16-byte name and a 100-byte value live in the log.
      expect(s.liveBytes).to.be.within(50 * 116, 50 * 400);
      expect(s.cleanerRunning).to.equal(false);
    } finally {
      info.close();
    }
  });

  it('counts error replies and keeps the first one', async () => {
    await faha.stop(true);
    faha = await startFaha({ args: ['--appendfsync', 'always', '--requirepass', 'pw'] });
    const denied = new SetLoad({ port: faha.port, writes: 10, keys: 5, valueSize: 10, pipeline: 5, clients: 1 });
    await denied.run();
    expect(denied.completed).to.equal(10);
    expect(denied.errors).to.equal(10);
    expect(denied.firstError).to.match(/^-NOAUTH/);
  });
});
