// The bindings against the real libibverbs of this machine (no RDMA device): it loads, lists no devices cleanly, and
// every failure to get a usable library or device is a VerbsError with a code the transport can act on.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { VerbsError, loadVerbs } from './ibverbs.js';

const REAL_LIBRARY = '/usr/lib/x86_64-linux-gnu/libibverbs.so.1';

function expectVerbsError(fn: () => unknown, code: string, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).to.be.instanceOf(VerbsError);
  expect((caught as VerbsError).code).to.equal(code);
  expect((caught as VerbsError).message).to.match(pattern);
}

describe('platform: libibverbs bindings', () => {
  const saved = process.env.FAHA_IBVERBS_LIB;
  afterEach(() => {
    if (saved === undefined) delete process.env.FAHA_IBVERBS_LIB;
    else process.env.FAHA_IBVERBS_LIB = saved;
  });

  describe('with the real libibverbs.so.1', function () {
    before(function () {
      if (process.arch !== 'x64' || !existsSync(REAL_LIBRARY)) this.skip(); // Needs Debian's libibverbs1 (x86-64).
      delete process.env.FAHA_IBVERBS_LIB;
    });

    it('loads it by its soname and lists 0 devices without an error', () => {
      const verbs = loadVerbs();
      expect(verbs.libraryPath).to.equal('libibverbs.so.1');
      expect(verbs.listDevices()).to.deep.equal([]);
    });

    it('refuses to open a device when there is none, naming the library', () => {
      const verbs = loadVerbs(REAL_LIBRARY);
      expectVerbsError(() => verbs.openFirstDevice(), 'ERR_RDMA_UNAVAILABLE', /no RDMA device \(.*libibverbs\.so\.1 lists none\)/);
      expectVerbsError(() => verbs.openDevice('mlx5_0'), 'ERR_RDMA_UNAVAILABLE', /no RDMA device named mlx5_0/);
    });
  });

  it('fails clearly when the library cannot be loaded', () => {
    expectVerbsError(() => loadVerbs('/nonexistent/libibverbs.so.1'), 'ERR_RDMA_UNAVAILABLE', /cannot load \/nonexistent\/libibverbs\.so\.1/);
  });

  it('takes the library from FAHA_IBVERBS_LIB when no path is given', () => {
    process.env.FAHA_IBVERBS_LIB = '/nonexistent/libfaha-test-verbs.so';
    expectVerbsError(() => loadVerbs(), 'ERR_RDMA_UNAVAILABLE', /libfaha-test-verbs\.so/);
  });

  it('refuses a library that lacks one of the entry points it binds', () => {
    // libc loads fine but exports no ibv_* symbol.
    expectVerbsError(() => loadVerbs('libc.so.6'), 'ERR_RDMA_UNAVAILABLE', /libc\.so\.6 lacks what faha needs \(void \*ibv_get_device_list/);
  });
});
