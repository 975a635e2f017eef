// Both persistence backends give the same mapped file: what is stored and persisted is there when reopened, and
// a missing libpmem is replaced by the libc fallback, which says so.
import { expect } from 'chai';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from '../testing/raw-client.js';
import { startFaha } from '../testing/servers.js';
import { openBackend, type BackendName } from './pmem.js';

describe('platform: persistence backends', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-pmem-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of ['libpmem', 'libc'] as BackendName[]) {
    it(`${name}: bytes stored in the mapping and persisted are read back after unmapping and reopening`, async () => {
      const backend = openBackend(name);
      expect(backend.name).to.equal(name);
      const path = join(dir, 'seg');
      const f = backend.map(path, 1 << 20, true);
      expect(f.size).to.equal(1 << 20);
      expect(statSync(path).size).to.equal(1 << 20);
      f.buf.write('hello', 4096, 'latin1');
      f.persist(4096, 5);
      f.buf.write('world', 8000, 'latin1');
      await new Promise<void>((resolve, reject) => f.persistAsync(8000, 5, (err) => (err ? reject(err) : resolve())));
      f.unmap();
      const again = backend.map(path, 0, false);
      expect(again.buf.toString('latin1', 4096, 4101)).to.equal('hello');
      expect(again.buf.toString('latin1', 8000, 8005)).to.equal('world');
      again.unmap();
    });
  }

  it('auto falls back to libc when libpmem cannot be loaded, and says why', () => {
    const b = openBackend('auto', 'libpmem-not-installed.so.1');
    expect(b.name).to.equal('libc');
    expect(b.description).to.match(/fallback: libpmem-not-installed\.so\.1 not found; install libpmem1/);
    expect(() => openBackend('libpmem', 'libpmem-not-installed.so.1')).to.throw(/cannot load libpmem-not-installed/);
  });

  it('a server on the libc backend reports it in INFO and keeps its data across a restart', async () => {
    const first = await startFaha({ args: ['--persistence-backend', 'libc'] });
    try {
      const c = await RawClient.connect(first.port);
      expect((await c.call('SET', 'k', 'v')).toString()).to.equal('+OK\r\n');
      const info = (await c.call('INFO', 'faha')).toString();
      expect(info).to.contain('persistence_backend:libc');
      c.close();
    } finally {
      await first.stop(false);
    }
    const second = await startFaha({ dir: first.dir, args: ['--persistence-backend', 'libc'] });
    try {
      const c = await RawClient.connect(second.port);
      expect((await c.call('GET', 'k')).toString()).to.equal('$1\r\nv\r\n');
      c.close();
    } finally {
      await second.stop(true);
    }
  });
});
