// One faha per data directory: a second server on the same dir refuses to start, naming the lock; once the first
// is gone (even killed), the directory can be used again.
import { expect } from 'chai';
import { startFaha } from '../testing/servers.js';

describe('engine: the data directory lock', () => {
  it('makes a second server on the same dir refuse to start, and frees the dir when the first is killed', async () => {
    const first = await startFaha();
    try {
      let err: Error | null = null;
      try {
        const second = await startFaha({ dir: first.dir, timeoutMs: 5000 });
        await second.stop(false);
      } catch (e) {
        err = e as Error;
      }
      expect(err, 'the second server must not start').to.not.equal(null);
      expect(err!.message).to.match(/exited \(1\)/).and.to.match(/in use by another faha process/).and.to.contain('faha.lock');
    } finally {
      first.kill('SIGKILL');
      await first.exited;
    }
    // The kernel releases a flock with the process, so a crash never leaves the directory locked.
    const third = await startFaha({ dir: first.dir });
    await third.stop(true);
  });
});
